#!/usr/bin/env bash
# The diary's floors, on the release binary: `log` <= 5 ms a call, `diary` over a
# 10 000-entry diary <= 50 ms (both whole processes, median of runs). Prints the
# wall clock and the CPU time (user + system) of each: on a shared, busy machine
# the wall clock mostly measures the wait for a core, the CPU time less so.
# Usage: bash benches/diary.sh          (builds the release binary first)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=$PWD/target/release/twitchcheck
work=$(mktemp -d)
[ -n "${KEEP:-}" ] || trap 'rm -rf "$work"' EXIT
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
BIN=$bin WORK=$work python3 - <<'PY'
import os, sqlite3, subprocess, time, json, datetime, statistics
bin, work = os.environ["BIN"], os.environ["WORK"]
env = {"TZ": "UTC", "PATH": os.environ.get("PATH", "")}

def median_ms(args, runs):
    """Median wall and CPU (user + system) milliseconds of `runs` runs."""
    walls, cpus = [], []
    for _ in range(runs):
        t = time.perf_counter()
        p = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL)
        _, status, usage = os.wait4(p.pid, 0)
        walls.append((time.perf_counter() - t) * 1000)
        cpus.append((usage.ru_utime + usage.ru_stime) * 1000)
        assert os.waitstatus_to_exitcode(status) == 0, args
    return statistics.median(walls), statistics.median(cpus)

log_db = os.path.join(work, "log.sqlite3")
subprocess.run([bin, "log", "--diary", log_db, "warm-up"], env=env, stdout=subprocess.DEVNULL, check=True)
log = median_ms([bin, "log", "--diary", log_db, "eyelid twitching after coffee, slept badly"], 200)

# 10 000 entries over the last 30 days, written the way `log` writes them: the
# entry with its findings and their summary, one `marks` row per finding, and
# its counts in `day_counts`.
big = os.path.join(work, "big.sqlite3")
subprocess.run([bin, "log", "--diary", big, "calf cramp"], env=env, stdout=subprocess.DEVNULL, check=True)
c = sqlite3.connect(big)
now = datetime.datetime.now(datetime.timezone.utc)
findings = [("eyelid", "present"), ("twitching", "present"), ("coffee", "present")]
for i in range(9999):
    t = now - datetime.timedelta(minutes=4 * i + 1)
    day = t.date().isoformat()
    cur = c.execute(
        "INSERT INTO entries (ts, at, day, text, urgency, findings, red_flags, recognized) VALUES (?,?,?,?,?,?,?,?)",
        (int(t.timestamp()), t.isoformat(timespec="seconds"), day,
         "eyelid twitching after coffee", "routine",
         json.dumps([{"id": f, "type": "finding", "assertion": a, "text": f} for f, a in findings]),
         "[]", ", ".join(f for f, _ in findings)))
    c.executemany("INSERT INTO marks (entry, day, finding, assertion) VALUES (?,?,?,?)",
                  [(cur.lastrowid, day, f, a) for f, a in findings])
    # Counted per day as src/diary/counts.rs does: every entry (''), each
    # finding present, and '~episode' (twitching is one).
    c.executemany("INSERT INTO day_counts (day, finding, entries) VALUES (?, ?, 1) "
                  "ON CONFLICT (day, finding) DO UPDATE SET entries = entries + 1",
                  [(day, k) for k in ["", "~episode"] + [f for f, _ in findings]])
c.commit()
n = c.execute("SELECT count(*) FROM entries").fetchone()[0]
c.close()
# The view really counts them: 9 999 eyelid entries on the chart.
view = json.loads(subprocess.run([bin, "diary", "--diary", big, "--json"], env=env,
                                 capture_output=True, check=True).stdout)
eyelid = next(r for r in view["chart"] if r["area"] == "eyelid")
assert sum(eyelid["counts"]) == 9999, sum(eyelid["counts"])
assert len(view["entries"]) == n, len(view["entries"])
diary = median_ms([bin, "diary", "--diary", big], 30)
as_json = median_ms([bin, "diary", "--diary", big, "--json"], 30)
# A reference measured alongside: one `check` (1.5 ms on an idle machine, see
# Performance) shows how much the machine's load inflates the figures above.
check = median_ms([bin, "check", "eyelid twitching after coffee"], 50)
# `log` should not slow down as the diary grows: into the 10 000-entry one.
log_big = median_ms([bin, "log", "--diary", big, "eyelid twitching after coffee"], 30)
print(f"log:                  {log[0]:6.2f} ms a call, CPU {log[1]:5.2f} ms (floor 5 ms)")
print(f"diary, {n} entries: {diary[0]:6.2f} ms, CPU {diary[1]:5.2f} ms (floor 50 ms)")
print(f"diary --json:         {as_json[0]:6.2f} ms, CPU {as_json[1]:5.2f} ms")
print(f"log, {n} entries:   {log_big[0]:6.2f} ms a call, CPU {log_big[1]:5.2f} ms")
print(f"check (reference):    {check[0]:6.2f} ms, CPU {check[1]:5.2f} ms")
PY
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
