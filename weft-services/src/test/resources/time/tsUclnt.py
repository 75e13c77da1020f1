# Seed 003's UDP timestamp client (tsUclnt.py): sendto() each input line, recvfrom() the reply.
import sys
from socket import *

HOST = sys.argv[1]
PORT = int(sys.argv[2])
ENCODING = sys.argv[3] if len(sys.argv) > 3 else "utf8"
BUFSIZ = 1024
ADDR = (HOST, PORT)

udpCliSock = socket(AF_INET6 if ":" in HOST else AF_INET, SOCK_DGRAM)
udpCliSock.settimeout(10)
while 1:
    try:
        data = input()
    except EOFError:
        break
    if not data:
        break
    udpCliSock.sendto(data.encode(ENCODING), ADDR)
    data, addr = udpCliSock.recvfrom(BUFSIZ)
    if not data:
        break
    print(data.decode(ENCODING))
udpCliSock.close()
