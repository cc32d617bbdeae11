#!/usr/bin/env python3
"""What dominates a JFR recording: the methods most often on top of the stack (self) and anywhere in it
(inclusive), as shares of all execution samples. Usage: scripts/jfr-top.py REC.jfr [N] [THREAD-SUBSTRING]
Reads `jfr print --events jdk.ExecutionSample --stack-depth 64` (the JDK's jfr tool)."""
import collections, re, subprocess, sys

rec, n = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 15
only = sys.argv[3] if len(sys.argv) > 3 else None
text = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "64", rec],
                      capture_output=True, text=True, check=True).stdout
self_, incl, samples = collections.Counter(), collections.Counter(), 0
for event in text.split("jdk.ExecutionSample")[1:]:
    thread = re.search(r'sampledThread = "([^"]*)"', event)
    if only and (not thread or only not in thread.group(1)):
        continue
    frames = [re.sub(r"\(.*", "", f.strip()) for f in re.findall(r"^\s+(\S+\(.*\)) +line:", event, re.M)]
    if not frames:
        continue
    samples += 1
    self_[frames[0]] += 1
    for f in set(frames):
        incl[f] += 1
print(f"{samples} samples" + (f" on threads matching {only!r}" if only else ""))
for title, counter in (("self", self_), ("inclusive", incl)):
    print(f"-- top {n} {title}")
    for f, c in counter.most_common(n):
        print(f"{100 * c / max(samples, 1):5.1f}%  {f}")
