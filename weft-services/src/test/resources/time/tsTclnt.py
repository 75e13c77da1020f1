# Seed 003's TCP timestamp client (tsTclnt.py, and its IPv6 version): one socket, each input line sent
# without a newline, one recv() per reply. Only HOST, PORT and the encoding come from the command line,
# and the family follows the host, as the seed's IPv6 version sets AF_INET6 for '::1'.
import sys
from socket import *

HOST = sys.argv[1]
PORT = int(sys.argv[2])
ENCODING = sys.argv[3] if len(sys.argv) > 3 else "utf8"
BUFSIZ = 1024
ADDR = (HOST, PORT)

tcpCliSock = socket(AF_INET6 if ":" in HOST else AF_INET, SOCK_STREAM)
tcpCliSock.settimeout(10)
tcpCliSock.connect(ADDR)
while 1:
    try:
        data = input()
    except EOFError:
        break
    if not data:
        break
    tcpCliSock.send(data.encode(ENCODING))
    data = tcpCliSock.recv(BUFSIZ)
    if not data:
        break
    print(data.decode(ENCODING))
tcpCliSock.close()
