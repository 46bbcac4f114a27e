#!/usr/bin/env bash
# Benchmarks the drift statistics: the two-sample KS test on 1,000,000 vs 1,000,000 points (target under 1 s) next to
# a plain sort of the same arrays in the same run, plus KS on already sorted columns, commons-math's own test and a
# one-feature check with PSI. No database and no server: the statistics are pure Java. Prints the table on stdout
# (progress on stderr) and appends a dated section to BENCHMARKS.md. About 30 s plus the build. The monitor check over
# 50 features x 100,000 captured rows is bench/monitor.sh (it needs PostgreSQL).
#
# Usage, from anywhere:   bench/drift.sh [JVM options, e.g. -Dballast.bench.drift.points=100000]
#   knobs: -Dballast.bench.drift.points (default 1000000 per side), -Dballast.bench.drift.runs (default 7),
#          -Dballast.bench.report (file to append to)
# Environment: BALLAST_BENCH_SKIP_BUILD=1 reuses the last build.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

source "$ROOT/bench/common.sh"
bench_prepare
bench_run dev.ballast.bench.DriftBenchmark 2g "$@"
