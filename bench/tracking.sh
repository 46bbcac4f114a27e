#!/usr/bin/env bash
# Benchmarks Ballast's MLflow tracking API on PostgreSQL: log-batch ingestion, runs/search over
# 100,000 runs and get-history of a 1,000,000-point metric, each next to a plain-JDBC baseline
# measured in the same run. Prints the result table on stdout (progress on stderr) and appends a
# dated section to BENCHMARKS.md. Takes about 3 minutes on a 2-core machine, plus the build.
#
# Usage, from anywhere:   bench/tracking.sh [JVM options for the benchmark, e.g. -Dballast.bench.*=...]
#
# Environment:
#   BALLAST_BENCH_POSTGRES_URL       JDBC URL of any database on the server
#                                    (default jdbc:postgresql://127.0.0.1:5432/postgres); the benchmark
#                                    creates a database of its own there and drops it at the end
#   BALLAST_BENCH_POSTGRES_USER      (default postgres)
#   BALLAST_BENCH_POSTGRES_PASSWORD  (default empty: trust authentication)
#   BALLAST_BENCH_SKIP_BUILD=1       reuse the last build instead of building first
#
# Diagnosis: -Dballast.bench.explain=true prints the search query plans on stderr; any other JVM
# option works too, e.g. -XX:StartFlightRecording=filename=/tmp/bench.jfr,settings=profile.
#
# Smaller runs for a quick check, e.g.:
#   bench/tracking.sh -Dballast.bench.ingest.batches=10 -Dballast.bench.search.runs=10000 \
#       -Dballast.bench.search.timed=20 -Dballast.bench.history.points=100000
#   (other knobs: ballast.bench.ingest.clients, .ingest.warmup-batches, .search.warmup,
#   .history.warmup, .history.timed, .seed, .report = the file to append to; options must not
#   contain spaces)
#
# Exit status: 0 when the benchmark ran, whether or not the targets were met (BENCHMARKS.md
# says PASS or FAIL); non-zero when PostgreSQL cannot be reached (2 when nothing listens on its
# port) or when the build or a benchmark broke.
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
bench_run dev.ballast.bench.TrackingBenchmark 3g "$@"
