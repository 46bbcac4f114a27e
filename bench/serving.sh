#!/usr/bin/env bash
# Benchmarks model serving: one Ballast from the packaged jar (on PostgreSQL, as the other
# benchmarks) serves a Tribuo linear regression with 10 features, promoted to champion through a
# reviewed promotion; one Java load generator measures, in the same run, Ballast's predict
# endpoint, Ballast's trivial POST /api/v1/ping (the HTTP stack's limit on this machine) and the
# reference stack FastAPI + uvicorn + scikit-learn Ridge (bench/reference/serve_ridge.py):
# throughput with 32 keep-alive connections (closed loop), then p50/p99 latency at half that
# throughput (open loop, fixed rate, latency from the intended send time). The generator shares
# the machine's cores with the servers. Prints the table on stdout (progress on stderr) and
# appends a dated section to BENCHMARKS.md. About 4 minutes plus the build.
#
# Usage, from anywhere:   bench/serving.sh [JVM options, e.g. -Dballast.bench.serving.seconds=5]
#   knobs (-Dballast.bench.serving.*): connections (32), warmup-seconds (20 per target), rounds (2
#   closed-loop rounds per target, alternating ping and predict; the best counts), seconds (10 per
#   round), open-seconds (20, open loop), rows (5000), seed, database (postgres or h2),
#   fastapi (true; false skips the reference), predict-wait-seconds (30), predict-path
#   (/serving/%s/predict); -Dballast.bench.report = the file to append to. Options must not
#   contain spaces.
#   A quick smoke run: bench/serving.sh -Dballast.bench.serving.warmup-seconds=2 \
#       -Dballast.bench.serving.seconds=3 -Dballast.bench.serving.rounds=1 -Dballast.bench.serving.open-seconds=3
#
# Environment: as bench/tracking.sh (BALLAST_BENCH_POSTGRES_URL/_USER/_PASSWORD,
# BALLAST_BENCH_SKIP_BUILD=1), plus BALLAST_BENCH_PYTHON = the interpreter of the reference
# (default: the first of python3 and /usr/bin/python3 that imports fastapi, uvicorn and sklearn).
#
# The reference needs Python with FastAPI, uvicorn and scikit-learn; the build and the tests do
# not. When no interpreter imports them, this script tries
#   apt-get install -y python3-fastapi python3-uvicorn python3-sklearn
# (Debian packages; needs root) and otherwise reports the reference as "not available" with the
# reason, still measuring Ballast. It installs nothing else.
#
# Exit status: 0 when the benchmark ran, whether or not the targets were met; non-zero when the
# build broke, PostgreSQL cannot be reached (2) or the benchmark failed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

export BALLAST_BENCH_POSTGRES_URL="${BALLAST_BENCH_POSTGRES_URL:-jdbc:postgresql://127.0.0.1:5432/postgres}"
export BALLAST_TEST_POSTGRES_URL="$BALLAST_BENCH_POSTGRES_URL"
export BALLAST_TEST_POSTGRES_USER="${BALLAST_BENCH_POSTGRES_USER:-postgres}"
export BALLAST_TEST_POSTGRES_PASSWORD="${BALLAST_BENCH_POSTGRES_PASSWORD:-}"

DEBIAN_PACKAGES="python3-fastapi python3-uvicorn python3-sklearn"

python_has_stack() {
    "$1" -c 'import fastapi, uvicorn, sklearn' >/dev/null 2>&1
}

# Sets BALLAST_BENCH_PYTHON, or BALLAST_BENCH_FASTAPI_UNAVAILABLE to the reason there is none.
choose_python() {
    if [[ -n "${BALLAST_BENCH_PYTHON:-}" ]]; then
        if python_has_stack "$BALLAST_BENCH_PYTHON"; then
            return
        fi
        BALLAST_BENCH_FASTAPI_UNAVAILABLE="BALLAST_BENCH_PYTHON=$BALLAST_BENCH_PYTHON cannot import fastapi, uvicorn and sklearn"
        return
    fi
    local candidate
    for candidate in python3 /usr/bin/python3; do
        if command -v "$candidate" >/dev/null && python_has_stack "$candidate"; then
            BALLAST_BENCH_PYTHON="$(command -v "$candidate")"
            return
        fi
    done
    local why="python3 -c 'import fastapi, uvicorn, sklearn' fails"
    if [[ "$(id -u)" != "0" ]]; then
        BALLAST_BENCH_FASTAPI_UNAVAILABLE="$why, and installing $DEBIAN_PACKAGES needs root"
        return
    fi
    if ! command -v apt-get >/dev/null; then
        BALLAST_BENCH_FASTAPI_UNAVAILABLE="$why, and there is no apt-get to install $DEBIAN_PACKAGES"
        return
    fi
    local log
    log="$(mktemp)"
    echo "[bench] $why: apt-get install -y $DEBIAN_PACKAGES" >&2
    if ! DEBIAN_FRONTEND=noninteractive apt-get install -y $DEBIAN_PACKAGES >"$log" 2>&1; then
        echo "[bench] apt-get install failed; updating the package lists and trying once more" >&2
        if ! { DEBIAN_FRONTEND=noninteractive apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y $DEBIAN_PACKAGES; } >"$log" 2>&1; then
            BALLAST_BENCH_FASTAPI_UNAVAILABLE="$why, and apt-get install $DEBIAN_PACKAGES failed: $(grep -E '^E:' "$log" | tail -1 || tail -1 "$log")"
            rm -f "$log"
            return
        fi
    fi
    rm -f "$log"
    # Debian's packages are for Debian's interpreter, whatever python3 is first on the PATH.
    if python_has_stack /usr/bin/python3; then
        BALLAST_BENCH_PYTHON=/usr/bin/python3
    else
        BALLAST_BENCH_FASTAPI_UNAVAILABLE="installed $DEBIAN_PACKAGES, but /usr/bin/python3 still cannot import fastapi, uvicorn and sklearn"
    fi
}

BALLAST_BENCH_FASTAPI_UNAVAILABLE=""
if [[ " $* " == *" -Dballast.bench.serving.fastapi=false "* ]]; then
    BALLAST_BENCH_FASTAPI_UNAVAILABLE="skipped (-Dballast.bench.serving.fastapi=false)"
else
    choose_python
fi
if [[ -n "$BALLAST_BENCH_FASTAPI_UNAVAILABLE" ]]; then
    echo "[bench] FastAPI reference not available: $BALLAST_BENCH_FASTAPI_UNAVAILABLE" >&2
else
    echo "[bench] FastAPI reference on $BALLAST_BENCH_PYTHON" >&2
fi
export BALLAST_BENCH_PYTHON="${BALLAST_BENCH_PYTHON:-}" BALLAST_BENCH_FASTAPI_UNAVAILABLE

source "$ROOT/bench/common.sh"
bench_prepare
bench_run dev.ballast.bench.ServingBenchmark 1g "$@"
