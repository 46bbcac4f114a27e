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

strip_ansi() { sed -u $'s/\e\\[[0-9;]*m//g'; }

if [[ "${BALLAST_BENCH_SKIP_BUILD:-}" != "1" ]]; then
    echo "[bench] building: mvn -B -q install -DskipTests" >&2
    mvn -B -q install -DskipTests 2>&1 | strip_ansi >&2
fi

BALLAST_BENCH_COMMIT="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [[ -n "$(git status --porcelain 2>/dev/null)" ]]; then
    BALLAST_BENCH_COMMIT="$BALLAST_BENCH_COMMIT (with uncommitted changes)"
fi
export BALLAST_BENCH_COMMIT
export BALLAST_BENCH_REPORT="$ROOT/BENCHMARKS.md"

jvm_args="-Xmx2g -Dlogback.configurationFile=$ROOT/bench/logback-bench.xml"
for a in "$@"; do
    jvm_args="$jvm_args $a"
done
mvn -B -q -pl platform-api \
    org.codehaus.mojo:exec-maven-plugin:3.6.2:exec \
    -Dexec.executable=java \
    -Dexec.classpathScope=test \
    -Dexec.args="$jvm_args -classpath %classpath dev.ballast.bench.DatasetBenchmark" \
    2> >(strip_ansi >&2) | strip_ansi
