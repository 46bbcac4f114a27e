#!/usr/bin/env bash
# Benchmarks the web UI's pages on PostgreSQL: the server time of each page (experiments list,
# runs table sorted, filtered and paged, run page with a long metric history, compare of 5 runs)
# over an experiment of 10,000 runs, then the registry, dataset, drift, audit and serving pages
# over what one run of ./ballast demo's loop leaves (seeded through the public API), signed in through the sign-in form, each page next to a
# baseline measured in the same run (the JSON API call answering the same question, or GET
# /health). Target: under 100 ms per page (p95). Prints the result table on stdout (progress on
# stderr) and appends a dated section to BENCHMARKS.md. Takes about 3 minutes plus the build.
#
# Usage, from anywhere:   bench/ui.sh [JVM options, e.g. -Dballast.bench.ui.runs=2000]
#
# Environment: as bench/tracking.sh (BALLAST_BENCH_POSTGRES_URL, _USER, _PASSWORD,
# BALLAST_BENCH_SKIP_BUILD=1).
#
# Knobs: -Dballast.bench.ui.runs (10000), .ui.warmup (30), .ui.timed (200), ballast.bench.seed,
# ballast.bench.report (the file to append to). Pages to time are listed in UiBenchmark.pages.
#
# Exit status: 0 when the benchmark ran, whether or not the target was met; 2 when PostgreSQL
# cannot be reached; 1 when a page answered wrongly or the build broke.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

export BALLAST_BENCH_POSTGRES_URL="${BALLAST_BENCH_POSTGRES_URL:-jdbc:postgresql://127.0.0.1:5432/postgres}"
# The test helper the benchmark starts Ballast with reads these.
export BALLAST_TEST_POSTGRES_URL="$BALLAST_BENCH_POSTGRES_URL"
export BALLAST_TEST_POSTGRES_USER="${BALLAST_BENCH_POSTGRES_USER:-postgres}"
export BALLAST_TEST_POSTGRES_PASSWORD="${BALLAST_BENCH_POSTGRES_PASSWORD:-}"

# Fail fast, before the build, when nothing listens where PostgreSQL should be.
hostport="${BALLAST_BENCH_POSTGRES_URL#jdbc:postgresql://}"
hostport="${hostport%%[/?]*}"
host="${hostport%%:*}"
port=5432
if [[ "$hostport" == *:* ]]; then
    port="${hostport##*:}"
fi
if [[ -n "$host" && "$host" != *,* ]]; then
    if ! timeout 5 bash -c "exec 3<>/dev/tcp/$host/$port" 2>/dev/null; then
        echo "[bench] PostgreSQL is unreachable: nothing answers on $host:$port ($BALLAST_BENCH_POSTGRES_URL)" >&2
        exit 2
    fi
fi

source "$ROOT/bench/common.sh"
bench_prepare
bench_run dev.ballast.bench.UiBenchmark 2g "$@"
