# The file download client of seed 004 (文件下载客户端), unchanged except that the server's host and
# port come from the command line instead of the hard-coded ('192.168.31.199', 9090).
import socket
import sys

s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)

s.connect((sys.argv[1], int(sys.argv[2])))

# s.send('hello'.encode('utf8'))
file_name = input('清输入您要下载的文件名:')
s.send(file_name.encode('utf8'))

with open(file_name, 'wb') as file:
    while True:
        content = s.recv(1024)
        if not content:
            break
        file.write(content)

s.close()
