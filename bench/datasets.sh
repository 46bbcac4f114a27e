#!/usr/bin/env bash
# Benchmarks dataset uploads: a 200 MB influencer CSV uploaded through /api/v1/datasets (stream,
# parse, validate, profile, git blob + commit, database row) next to the issue's baseline on the
# same file in the same run: `git hash-object FILE` plus a plain streaming CSV parse. Also reports
# the profile alone and JGit's blob write alone. Prints the table on stdout (progress on stderr)
# and appends a dated section to BENCHMARKS.md. About 3 minutes on a 2-core machine plus the
# build; the CSV is generated once into platform-api/target/bench-data/.
#
# Usage, from anywhere:   bench/datasets.sh [JVM options, e.g. -Dballast.bench.datasets.mb=50]
#   knobs: -Dballast.bench.datasets.mb (default 200), -Dballast.bench.datasets.runs (default 3),
#          -Dballast.bench.report (file to append to)
#
# Environment: as bench/tracking.sh (BALLAST_BENCH_POSTGRES_URL/_USER/_PASSWORD, BALLAST_BENCH_SKIP_BUILD=1).
# Needs git on the PATH (the baseline).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

if ! command -v git >/dev/null; then
    echo "[bench] git is not installed; the baseline is 'git hash-object'" >&2
    exit 2
fi
export BALLAST_BENCH_POSTGRES_URL="${BALLAST_BENCH_POSTGRES_URL:-jdbc:postgresql://127.0.0.1:5432/postgres}"
export BALLAST_TEST_POSTGRES_URL="$BALLAST_BENCH_POSTGRES_URL"
export BALLAST_TEST_POSTGRES_USER="${BALLAST_BENCH_POSTGRES_USER:-postgres}"
export BALLAST_TEST_POSTGRES_PASSWORD="${BALLAST_BENCH_POSTGRES_PASSWORD:-}"

source "$ROOT/bench/common.sh"
bench_prepare
bench_run dev.ballast.bench.DatasetBenchmark 2g "$@"
