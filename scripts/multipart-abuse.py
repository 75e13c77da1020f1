#!/usr/bin/env python3
# Multipart abuse against a running weft server (issue 19.11): COUNT POSTs of a 1 MiB garbage file part to /register
# over 4 connections at a time, sampling the server process resident memory. Usage: multipart-abuse.py PORT PID COUNT
import http.client, os, sys, threading, time
port = int(sys.argv[1]); pid = int(sys.argv[2]); count = int(sys.argv[3])
garbage = os.urandom(1 << 20)
def rss():
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS"):
            return int(line.split()[1]) // 1024
peak = [rss()]
statuses = {}
def worker(n):
    for i in range(n):
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        body = b"--b\r\nContent-Disposition: form-data; name=\"avatar\"; filename=\"x.png\"\r\n\r\n" + garbage + b"\r\n--b\r\nContent-Disposition: form-data; name=\"user\"\r\n\r\n" + garbage[:2000] + b"\r\n--b--\r\n"
        try:
            c.request("POST", "/register", body, {"Content-Type": "multipart/form-data; boundary=b"})
            r = c.getresponse(); r.read()
            statuses[r.status] = statuses.get(r.status, 0) + 1
        except Exception as e:
            statuses[type(e).__name__] = statuses.get(type(e).__name__, 0) + 1
        c.close()
def sample():
    while any(t.is_alive() for t in threads):
        peak[0] = max(peak[0], rss()); time.sleep(0.2)
print("rss before", peak[0], "MiB")
threads = [threading.Thread(target=worker, args=(count // 4,)) for _ in range(4)]
t0 = time.time()
for t in threads: t.start()
s = threading.Thread(target=sample); s.start()
for t in threads: t.join()
s.join()
print("requests", count, "in %.1f s" % (time.time() - t0), "statuses", statuses)
print("rss peak", peak[0], "MiB, after", rss(), "MiB")
