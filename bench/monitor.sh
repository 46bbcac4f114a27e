#!/usr/bin/env bash
# Benchmarks a drift monitor check: 50 numeric features x 100,000 captured rows (target under 3 s) next to a plain
# Arrays.sort of the same 50 x 2 arrays of 100,000 doubles in the same run. Ballast runs in-process on a PostgreSQL
# database of its own (created for the run, dropped at the end); a Tribuo model with 50 inputs is promoted to champion
# over the API, its 100,000-row training data uploaded as a dataset version in its lineage (the monitor's default
# reference), 100,000 served rows written through the capture store, and MonitorService.check - what the scheduler
# runs - is timed end to end. Prints the table on stdout (progress on stderr) and appends a dated section to
# BENCHMARKS.md. About 2 minutes plus the build.
#
# Usage, from anywhere:   bench/monitor.sh [JVM options, e.g. -Dballast.bench.monitor.runs=3]
#   knobs (-Dballast.bench.monitor.*): features (50), rows (100000 per side), runs (7 timed), warmup (2 untimed);
#          -Dballast.bench.report = the file to append to. Options must not contain spaces.
#
# Environment: BALLAST_BENCH_POSTGRES_URL (default jdbc:postgresql://127.0.0.1:5432/postgres), BALLAST_BENCH_POSTGRES_USER
# (postgres), BALLAST_BENCH_POSTGRES_PASSWORD (empty: trust authentication), BALLAST_BENCH_SKIP_BUILD=1 reuses the last
# build.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

export BALLAST_BENCH_POSTGRES_URL="${BALLAST_BENCH_POSTGRES_URL:-jdbc:postgresql://127.0.0.1:5432/postgres}"
# The test helper the benchmark starts Ballast with reads these.
export BALLAST_TEST_POSTGRES_URL="$BALLAST_BENCH_POSTGRES_URL"
export BALLAST_TEST_POSTGRES_USER="${BALLAST_BENCH_POSTGRES_USER:-postgres}"
export BALLAST_TEST_POSTGRES_PASSWORD="${BALLAST_BENCH_POSTGRES_PASSWORD:-}"

source "$ROOT/bench/common.sh"
bench_prepare
bench_run dev.ballast.bench.MonitorCheckBenchmark 3g "$@"
