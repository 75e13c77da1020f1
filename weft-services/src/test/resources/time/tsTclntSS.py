# Seed 003's client for the SocketServer timestamp server: a new connection per line, the line sent with
# "\r\n" (the server's handler reads with readline()), the reply stripped before printing.
import sys
from socket import *

HOST = sys.argv[1]
PORT = int(sys.argv[2])
BUFSIZ = 1024
ADDR = (HOST, PORT)

while 1:
    tcpCliSock = socket(AF_INET6 if ":" in HOST else AF_INET, SOCK_STREAM)
    tcpCliSock.settimeout(10)
    tcpCliSock.connect(ADDR)
    try:
        data = input()
    except EOFError:
        break
    if not data:
        break
    tcpCliSock.send(f"{data}\r\n".encode("utf8"))
    data = tcpCliSock.recv(BUFSIZ)
    if not data:
        break
    print(data.decode("utf8").strip())
    tcpCliSock.close()
