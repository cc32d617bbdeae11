#!/usr/bin/env bash
# Load test of POST /api/match over HTTP with wrk (Debian package `wrk`): every bundled need's text in turn,
# 1 and 2 connections, after a 5 s warm-up. Usage: scripts/http-bench.sh [BASE_URL]   (default http://localhost:7070)
# Start the server first: ./duijie serve
set -euo pipefail
base="${1:-http://localhost:7070}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
lua="$(mktemp --suffix=.lua)"
trap 'rm -f "$lua"' EXIT
python3 - "$here/corpus/src/main/resources/duijie/corpus/zhuzhou/needs.jsonl" > "$lua" <<'PY'
import json, sys
bodies = [json.dumps({"text": (n.get("title") or "") + "\n" + (n.get("description") or ""), "k": 10}, ensure_ascii=False)
          for n in map(json.loads, open(sys.argv[1], encoding="utf-8"))]
print("bodies = {\n" + ",\n".join("[==[" + b + "]==]" for b in bodies) + "\n}")
print('counter = 0\nrequest = function()\n  counter = counter + 1\n'
      '  return wrk.format("POST", "/api/match", {["Content-Type"]="application/json"}, bodies[(counter % #bodies) + 1])\nend')
PY
wrk -t1 -c1 -d5s -s "$lua" "$base" > /dev/null
for c in 1 2; do
  echo "== POST /api/match (results + experts, k=10), $c connection(s), 20 s"
  wrk -t"$c" -c"$c" -d20s --latency -s "$lua" "$base" | grep -E "50%|90%|99%|Requests/sec"
done
