#!/usr/bin/env bash
# Runs the benchmarks of every issue with a speed target and rewrites BENCHMARKS.md: a summary of
# every figure next to its same-run baseline, the ratio, the target and the verdict, then one block
# per benchmark (machine, date, commit, sizes, all figures, notes). This is `./ballast bench`.
# Builds once, then runs bench/<name>.sh one after another (never in parallel: they would measure
# each other). About 20 minutes on a 2-core machine plus the build.
#
# Usage, from anywhere:   bench/all.sh [--output FILE] [NAME ...]
#   NAME     tracking, datasets, serving, drift, monitor, ui (default: all). A run of some replaces
#            only their blocks; the others keep their last figures.
#   --output the file to (re)write (default BENCHMARKS.md at the repository root).
#
# Environment: BALLAST_BENCH_POSTGRES_URL/_USER/_PASSWORD (as bench/tracking.sh),
# BALLAST_BENCH_SKIP_BUILD=1 reuses the last build. Each benchmark's log and section are kept in
# target/bench-suite/ for a look afterwards.
#
# Exit status: 0 when every benchmark ran (whether or not it met its targets); 1 when one broke
# (its block then says so, with the end of its log); 2 on bad usage.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

ALL=(tracking datasets serving drift monitor ui)
output="$ROOT/BENCHMARKS.md"
names=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --output) output="$(realpath -m "$2")"; shift 2 ;;
        -h|--help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *)
            if [[ ! " ${ALL[*]} " == *" $1 "* ]]; then
                echo "[bench] unknown benchmark '$1' (known: ${ALL[*]})" >&2
                exit 2
            fi
            names+=("$1"); shift ;;
    esac
done
[[ ${#names[@]} -gt 0 ]] || names=("${ALL[@]}")

source "$ROOT/bench/common.sh"
bench_prepare

work="$ROOT/target/bench-suite"
rm -rf "$work"
mkdir -p "$work"
date_utc="$(date -u '+%Y-%m-%d %H:%M UTC')"
outcomes=()
broke=0
for name in "${names[@]}"; do
    echo "[bench] === $name (bench/$name.sh) ===" >&2
    start=$(date +%s)
    status=0
    BALLAST_BENCH_SKIP_BUILD=1 BALLAST_BENCH_REPORT="$work/$name.md" "$ROOT/bench/$name.sh" \
        > >(tee "$work/$name.out") 2> >(tee "$work/$name.log" >&2) || status=$?
    seconds=$(( $(date +%s) - start ))
    echo "[bench] $name: exit status $status after ${seconds}s" >&2
    [[ $status -eq 0 ]] || broke=1
    outcomes+=("$name:$status:$seconds:$work/$name.md:$work/$name.log")
done

bench_tool dev.ballast.bench.SuiteReport "$output" "$date_utc" "${outcomes[@]}"
echo "[bench] wrote $output" >&2
exit $broke
