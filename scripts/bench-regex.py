#!/usr/bin/env python3
"""weft regex's findall against python3's re.findall and grep -oP / grep -oE, side by side in one run.

Makes (once) a generated log of SIZE MB under --dir, then for each of three patterns (a literal, an alternation of
words, an email-like pattern with groups) runs every tool ROUNDS times, interleaved, each writing its matches to a
pipe this script counts (so every tool's output is checked to hold the same number of matches). Prints the median
wall time, the throughput and the peak memory (max RSS) of each.

    scripts/bench-regex.py                 # 200 MB, 3 rounds
    scripts/bench-regex.py --size 20 --rounds 1
"""
import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PATTERNS = [
    ("literal", "timeout"),
    ("alternation", "ERROR|WARN|FATAL"),
    ("email, 3 groups", r"([\w.]+)@(\w+)\.(\w+)"),
]
PYTHON_FINDALL = r"""
import re, sys
p = re.compile(sys.argv[1])
out = sys.stdout
with open(sys.argv[2], encoding="utf-8", errors="replace") as f:
    for line in f:
        for m in p.findall(line):
            out.write(m if isinstance(m, str) else repr(m))
            out.write("\n")
"""


def make_log(path, size_mb):
    rnd = random.Random(42)
    users = ["ann", "bob", "chen.wei", "dmitri", "eve_99", "zoe"]
    hosts = ["example.com", "test.org", "mail.cn", "corp.net"]
    words = ["request", "served", "cache", "miss", "hit", "user", "login", "upload", "query", "retry"]
    levels = ["INFO"] * 12 + ["DEBUG"] * 6 + ["WARN"] * 2 + ["ERROR", "FATAL"]
    target = size_mb * 1000 * 1000
    written = 0
    with open(path + ".tmp", "w", encoding="utf-8") as out:
        n = 0
        while written < target:
            n += 1
            parts = [f"2026-12-03T{n // 3600 % 24:02d}:{n // 60 % 60:02d}:{n % 60:02d}.{n % 1000:03d}Z",
                     rnd.choice(levels), f"[worker-{rnd.randrange(16)}]"]
            parts += rnd.choices(words, k=rnd.randrange(3, 9))
            if rnd.random() < 0.3:
                parts.append(f"from {rnd.choice(users)}@{rnd.choice(hosts)}")
            if rnd.random() < 0.05:
                parts.append("timeout after 30s")
            if rnd.random() < 0.1:
                parts.append("用户 登录 成功")
            parts.append(f"took {rnd.randrange(1, 900)}ms")
            line = " ".join(parts) + "\n"
            out.write(line)
            written += len(line.encode("utf-8"))
    os.replace(path + ".tmp", path)


def run(command):
    """Runs command, counting its output lines; returns (seconds, CPU seconds, max RSS in MiB, lines)."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    lines = 0
    while True:
        block = proc.stdout.read(1 << 20)
        if not block:
            break
        lines += block.count(b"\n")
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        sys.exit(f"{command[0]} failed: {err.decode(errors='replace')}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, lines


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=200, help="log size in MB (default 200)")
    parser.add_argument("--rounds", type=int, default=3, help="runs of each tool per pattern (default 3)")
    parser.add_argument("--dir", default="/tmp/weft-bench-regex", help="where the log is kept")
    parser.add_argument("--c1", action="store_true", help="also time weft with the quick JIT only (C1)")
    args = parser.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    log = os.path.join(args.dir, f"app-{args.size}mb.log")
    if not os.path.exists(log):
        print(f"generating {log}...", file=sys.stderr)
        make_log(log, args.size)
    weft = os.path.join(ROOT, "weft")
    subprocess.run([weft, "regex", "--text", "warm", "warm"], stdout=subprocess.DEVNULL, check=True)  # builds
    tools = [("weft regex --findall", lambda p: [weft, "regex", "--findall", "--", p, log])]
    if args.c1:
        tools.append(("weft (C1 only)", lambda p: ["env", "WEFT_JAVA_OPTS=-XX:TieredStopAtLevel=1", weft, "regex",
                                                   "--findall", "--", p, log]))
    tools.append(("python3 re.findall", lambda p: [sys.executable, "-c", PYTHON_FINDALL, p, log]))
    if shutil.which("grep"):
        tools.append(("grep -oP", lambda p: ["grep", "-oP", "--", p, log]))
        # ERE has no \w in sets: grep -E gets the same pattern spelled with POSIX classes
        tools.append(("grep -oE", lambda p: ["grep", "-oE", "--", p.replace("(", "").replace(")", "")
                                             .replace(r"[\w.]", "[[:alnum:]_.]"), log]))
    size = os.path.getsize(log) / 1e6
    print(f"{size:.0f} MB log, {args.rounds} rounds each, interleaved; medians of wall and CPU (user+sys) time, "
          f"peak RSS; MB/s from the wall time")
    print(f"{'pattern':<16} {'tool':<22} {'wall s':>7} {'CPU s':>7} {'MB/s':>6} {'max RSS MiB':>12} {'matches':>8}")
    for name, pattern in PATTERNS:
        times = {tool: [] for tool, _ in tools}
        cpu = {tool: [] for tool, _ in tools}
        rss = {tool: 0 for tool, _ in tools}
        counts = {}
        for _ in range(args.rounds):
            for tool, command in tools:
                seconds, cpu_seconds, peak, lines = run(command(pattern))
                times[tool].append(seconds)
                cpu[tool].append(cpu_seconds)
                rss[tool] = max(rss[tool], peak)
                counts[tool] = lines
        for tool, _ in tools:
            median = statistics.median(times[tool])
            print(f"{name:<16} {tool:<22} {median:7.2f} {statistics.median(cpu[tool]):7.2f} {size / median:6.0f} "
                  f"{rss[tool]:12.0f} {counts[tool]:>8}")
        if len(set(counts.values())) != 1:
            print(f"  note: the tools found different numbers of matches: {counts}")


if __name__ == "__main__":
    main()
