# A UDP chat written like seed 004's "多线程聊天" (and seed 002's "多任务udp聊天器"): one socket, one thread
# sending each typed line with sendto, one thread receiving with recvfrom and appending every message to
# a history file. As in seed 002 the peer's ip and port are read from input() after start-up.
# Changes for a test: it binds 127.0.0.1 port 0 and prints the port it got, takes the encoding and the
# history file as arguments, and stops at EOF as well as at 'exit'.
import socket
import sys
import threading

encoding = sys.argv[1]
history = sys.argv[2]

s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(('127.0.0.1', 0))
print(s.getsockname()[1], flush=True)

dest_ip = input()
dest_port = int(input())


def send_msg():
    while True:
        try:
            msg = input()
        except EOFError:
            break
        s.sendto(msg.encode(encoding), (dest_ip, dest_port))
        if msg == 'exit':
            break


def recv_msg():
    while True:
        data, addr = s.recvfrom(1024)
        print('接收到了{}地址{}端口的消息:{}'.format(addr[0], addr[1], data.decode(encoding)),
              file=open(history, 'a', encoding='utf8'))


t1 = threading.Thread(target=send_msg)
t2 = threading.Thread(target=recv_msg, daemon=True)

t1.start()
t2.start()
t1.join()
