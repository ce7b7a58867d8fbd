#!/usr/bin/env bash
# Whole-process timings of the release binary, with hyperfine, in one run:
#   - a hello-world Rust binary built here (the floor: what starting any process costs),
#   - `twitchcheck --version`, one `check` of a typical query, `batch` over 100 000 queries,
#   - the same with synthetic knowledge bases 10x and 100x the shipped one, embedded
#     (pre-built at compile time, as the shipped one is) and loaded with `--kb FILE`,
#   - peak memory (GNU time's maximum resident set size).
#   - with BASELINE=BINARY (or BASELINES="NAME=BINARY NAME=BINARY ..."), those
#     binaries' check and batch too, in the same hyperfine calls as this build's,
#     so they are measured side by side (for a change that must not slow anything:
#     build the old commit in a temporary directory and pass its
#     target/release/twitchcheck). Batch rounds rotate which binary goes first.
#   - with SCALING=0, no 10x and 100x builds (they take most of the run's time).
# Usage: bash benches/whole-process.sh        (about 5 minutes on 2 cores)
#        BASELINE=/tmp/old/target/release/twitchcheck bash benches/whole-process.sh
#        SCALING=0 BASELINES="old=/tmp/a/twitchcheck main=/tmp/b/twitchcheck" bash benches/whole-process.sh
# Needs hyperfine and GNU time:  apt-get install -y hyperfine time
#                                (or `cargo install hyperfine`)
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in hyperfine python3; do
  if ! command -v "$tool" >/dev/null; then
    echo "whole-process.sh: $tool is not installed; on Debian or Ubuntu: apt-get install -y $tool" >&2
    exit 2
  fi
done
if [ ! -x /usr/bin/time ]; then
  echo "whole-process.sh: GNU time is not installed; on Debian or Ubuntu: apt-get install -y time" >&2
  exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
query="calf cramps at night, no numbness"

echo "==> building (release)" >&2
cargo build --release --quiet
if [ "${SCALING:-1}" != 0 ]; then cargo build --release --quiet --example gen_kb; fi
cp target/release/twitchcheck "$work/twitchcheck-1x"
# Baselines by name: BASELINE alone is named "baseline".
baselines=()
[ -n "${BASELINE:-}" ] && BASELINES="baseline=$BASELINE ${BASELINES:-}"
for pair in ${BASELINES:-}; do
  name=${pair%%=*}
  cp "${pair#*=}" "$work/twitchcheck-$name"
  baselines+=("$name")
done
scaling=${SCALING:-1}

cat >"$work/hello.rs" <<'EOF'
fn main() {
    println!("Hello, world!");
}
EOF
rustc --edition 2021 -C opt-level=3 -o "$work/hello" "$work/hello.rs"

echo "==> generating 100 000 queries and the 10x and 100x knowledge bases" >&2
python3 - "$work/queries.txt" <<'EOF'
import itertools, sys
lines = [l for l in open("benches/queries.txt").read().splitlines() if l.strip()]
with open(sys.argv[1], "w") as out:
    for line in itertools.islice(itertools.cycle(lines), 100_000):
        out.write(line + "\n")
EOF
for n in $( ((scaling)) && echo 10 100); do
  target/release/examples/gen_kb "$n" >"$work/kb$n.toml"
  echo "==> building with the ${n}x knowledge base embedded" >&2
  # A target directory of its own, so the normal build is left as it is.
  TWITCHCHECK_BUILD_KB="$work/kb$n.toml" CARGO_TARGET_DIR=target/scaling \
    cargo build --release --quiet
  cp target/scaling/release/twitchcheck "$work/twitchcheck-${n}x"
done

run() { # name, runs, command...
  local name=$1 runs=$2
  shift 2
  hyperfine --shell=none --warmup 3 --runs "$runs" --style none --output null \
    --export-json "$work/$name.json" --command-name "$name" "$*" >&2
}

echo "==> timing" >&2
# The floor and the two start-up figures in one hyperfine call, so they are
# measured close together in time; five rounds of it, and each figure is the
# median of its five medians, so a burst of other work on a shared machine
# skews one round rather than one command.
for round in 1 2 3 4 5; do
  others=()
  for name in "${baselines[@]}"; do
    others+=(--command-name "check-1x-$name" "$work/twitchcheck-$name --color=never check $query")
  done
  hyperfine --shell=none --warmup 20 --runs 200 --style none --output null \
    --export-json "$work/startup-$round.json" \
    --command-name hello "$work/hello" \
    --command-name version "$work/twitchcheck-1x --version" \
    --command-name check-1x "$work/twitchcheck-1x --color=never check $query" \
    "${others[@]}" >&2
done
# batch likewise in rounds (with baselines, each round starts with the next
# binary in turn), and each figure is the median of the rounds' medians.
names=(1x "${baselines[@]}")
for round in 1 2 3 4 5; do
  cmds=()
  for k in "${!names[@]}"; do
    name=${names[$(((k + round - 1) % ${#names[@]}))]}
    label=batch-1x-$name
    [ "$name" = 1x ] && label=batch-1x
    cmds+=(--command-name "$label" "$work/twitchcheck-$name batch $work/queries.txt")
  done
  hyperfine --shell=none --warmup 1 --runs 3 --style none --output null \
    --export-json "$work/batch-round-$round.json" "${cmds[@]}" >&2
done
for n in $( ((scaling)) && echo 10 100); do
  run "check-${n}x" 30 "$work/twitchcheck-${n}x --color=never check $query"
  run "check-${n}x-kb-file" 10 "$work/twitchcheck-1x --kb $work/kb$n.toml --color=never check $query"
  run "batch-${n}x" 3 "$work/twitchcheck-${n}x batch $work/queries.txt"
done
run check-1x-kb-file 30 "$work/twitchcheck-1x --kb data/knowledge.toml --color=never check $query"

peak() { # KiB, the largest of three runs
  for _ in 1 2 3; do /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; done | sort -n | tail -1
}
{
  echo "check-1x $(peak "$work/twitchcheck-1x" --color=never check $query)"
  echo "batch-1x $(peak "$work/twitchcheck-1x" batch "$work/queries.txt")"
  for n in $( ((scaling)) && echo 10 100); do
    echo "check-${n}x $(peak "$work/twitchcheck-${n}x" --color=never check $query)"
    echo "batch-${n}x $(peak "$work/twitchcheck-${n}x" batch "$work/queries.txt")"
  done
} >"$work/peak.txt"

echo
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$work" <<'EOF'
import json, sys
work = sys.argv[1]
import statistics
rounds = [json.load(open(f"{work}/startup-{i}.json"))["results"] for i in range(1, 6)]
startup = {r["command"]: statistics.median(rs[k]["median"] for rs in rounds)
           for k, r in enumerate(rounds[0])}
import glob
others = {r["command"]: r["median"]
          for path in glob.glob(f"{work}/*.json") if "/startup-" not in path and "/batch-round-" not in path
          for r in json.load(open(path))["results"]}
batch_rounds = [json.load(open(f"{work}/batch-round-{i}.json"))["results"] for i in range(1, 6)]
for name in {r["command"] for rs in batch_rounds for r in rs}:
    others[name] = statistics.median(r["median"] for rs in batch_rounds for r in rs
                                     if r["command"] == name)
def median(name):
    if name in startup:
        return startup[name]
    return others[name]
peak = dict(line.split() for line in open(f"{work}/peak.txt"))
floor = median("hello")
mib = lambda name: int(peak[name]) / 1024
print(f"\n{'what':<34} {'median':>10} {'x floor':>8} {'peak MiB':>9}  target")
def row(label, name, target=""):
    t = median(name)
    mem = f"{mib(name):9.1f}" if name in peak else " " * 9
    print(f"{label:<34} {t*1000:8.2f}ms {t/floor:8.2f} {mem}  {target}")
row("hello world (floor)", "hello")
row("twitchcheck --version", "version")
check = median("check-1x")
row("check, embedded KB", "check-1x",
    f"<= 2x floor and < 16 MiB: {'met' if check <= 2 * floor and mib('check-1x') < 16 else 'MISSED'}")
row("check --kb data/knowledge.toml", "check-1x-kb-file")
qps = 100_000 / median("batch-1x")
row("batch, 100 000 queries", "batch-1x",
    f">= 50 000 q/s: {qps:,.0f} q/s, {'met' if qps >= 50_000 else 'MISSED'}")
print(f"\n{'KB size':<8} {'check (embedded)':>17} {'check --kb FILE':>16} {'batch q/s':>10} {'check MiB':>10} {'batch MiB':>10}")
for n in (1, 10, 100) if "check-100x" in others else (1,):
    kb_file = "check-1x-kb-file" if n == 1 else f"check-{n}x-kb-file"
    print(f"{str(n)+'x':<8} {median(f'check-{n}x')*1000:15.2f}ms {median(kb_file)*1000:14.2f}ms "
          f"{100_000/median(f'batch-{n}x'):10,.0f} {mib(f'check-{n}x'):10.1f} {mib(f'batch-{n}x'):10.1f}")
names = [c[len("check-1x-"):] for c in startup if c.startswith("check-1x-")]
if names:
    print("\nSide by side, measured in the same hyperfine calls (medians of rounds; the range"
          " is the rounds' smallest and largest median, the noise):")
    spread = lambda rs, c: [r["median"] for rr in rs for r in rr if r["command"] == c]
    for label, rs, what in (("check", rounds, "check-1x"), ("batch", batch_rounds, "batch-1x")):
        for name in [None] + names:
            c = what if name is None else f"{what}-{name}"
            t, lo, hi = median(c), min(spread(rs, c)), max(spread(rs, c))
            extra = (f"{t/floor:5.2f}x floor" if label == "check" else f"{100_000/t:8,.0f} q/s")
            vs = "" if name is None else f"   this build {(median(what)/t - 1)*100:+.1f}%"
            print(f"  {label} {name or 'this build':<12} {t*1000:9.2f}ms"
                  f" ({lo*1000:.2f}-{hi*1000:.2f})  {extra}{vs}")
if "check-100x" not in others:
    sys.exit(0)
c100, b100 = median("check-100x"), 100_000 / median("batch-100x")
print(f"\n100x targets: check < 50 ms: {c100*1000:.1f} ms, {'met' if c100 < 0.05 else 'MISSED'}; "
      f"batch > 5 000 q/s: {b100:,.0f} q/s, {'met' if b100 > 5000 else 'MISSED'}")
EOF
