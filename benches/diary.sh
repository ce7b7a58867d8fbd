#!/usr/bin/env bash
# The diary's floors, on the release binary: `log` <= 5 ms a call, `diary` over a
# 10 000-entry diary <= 50 ms (both whole processes, wall clock, median of runs).
# Usage: bash benches/diary.sh          (builds the release binary first)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=$PWD/target/release/twitchcheck
work=$(mktemp -d)
[ -n "${KEEP:-}" ] || trap 'rm -rf "$work"' EXIT
BIN=$bin WORK=$work python3 - <<'PY'
import os, sqlite3, subprocess, time, json, datetime, statistics
bin, work = os.environ["BIN"], os.environ["WORK"]
env = {"TZ": "UTC", "PATH": os.environ.get("PATH", "")}

def median_ms(args, runs):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(args, env=env, stdout=subprocess.DEVNULL, check=True)
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)

log_db = os.path.join(work, "log.sqlite3")
subprocess.run([bin, "log", "--diary", log_db, "warm-up"], env=env, stdout=subprocess.DEVNULL, check=True)
log_ms = median_ms([bin, "log", "--diary", log_db, "eyelid twitching after coffee, slept badly"], 200)

# 10 000 entries over the last 30 days, written the way `log` writes them.
big = os.path.join(work, "big.sqlite3")
subprocess.run([bin, "log", "--diary", big, "calf cramp"], env=env, stdout=subprocess.DEVNULL, check=True)
c = sqlite3.connect(big)
row = c.execute("SELECT findings, red_flags FROM entries").fetchone()
now = datetime.datetime.now(datetime.timezone.utc)
rows = []
for i in range(9999):
    t = now - datetime.timedelta(minutes=4 * i + 1)
    rows.append((int(t.timestamp()), t.isoformat(timespec="seconds"), t.date().isoformat(),
                 "eyelid twitching after coffee", "routine",
                 json.dumps([{"id": "eyelid", "type": "finding", "assertion": "present", "text": "eyelid"},
                             {"id": "twitching", "type": "finding", "assertion": "present", "text": "twitching"},
                             {"id": "coffee", "type": "finding", "assertion": "present", "text": "coffee"}]),
                 "[]"))
c.executemany("INSERT INTO entries (ts, at, day, text, urgency, findings, red_flags) VALUES (?,?,?,?,?,?,?)", rows)
c.commit()
n = c.execute("SELECT count(*) FROM entries").fetchone()[0]
c.close()
diary_ms = median_ms([bin, "diary", "--diary", big], 30)
json_ms = median_ms([bin, "diary", "--diary", big, "--json"], 30)
print(f"log:                 {log_ms:6.2f} ms a call (floor 5 ms)")
print(f"diary, {n} entries: {diary_ms:6.2f} ms (floor 50 ms); --json {json_ms:.2f} ms")
PY
