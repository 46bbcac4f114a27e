# Shared by the bench/*.sh scripts (sourced, not run): build, record the commit, and run one
# benchmark class on platform-api's test classpath. Expects ROOT to be the repository root.

# Debian's Maven 3.8 prints ANSI resets even in batch mode; keep them out of the output.
strip_ansi() { sed -u $'s/\e\\[[0-9;]*m//g'; }

# Builds unless BALLAST_BENCH_SKIP_BUILD=1, and exports what the report records. A reactor build
# (package, never install): the benchmark runs on this checkout's module jars, listed with the
# test classpath in platform-api/target/bench-classpath.txt, not on snapshots in ~/.m2 that
# another checkout may have installed.
bench_prepare() {
    if [[ "${BALLAST_BENCH_SKIP_BUILD:-}" != "1" ]]; then
        echo "[bench] building: mvn -B -q -pl platform-api -am package -DskipTests" >&2
        mvn -B -q -pl platform-api -am package -DskipTests \
            dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test \
            2>&1 | strip_ansi >&2
    fi
    if [[ ! -f "$ROOT/platform-api/target/bench-classpath.txt" ]]; then
        echo "[bench] no platform-api/target/bench-classpath.txt: run without BALLAST_BENCH_SKIP_BUILD once" >&2
        exit 2
    fi
    BALLAST_BENCH_COMMIT="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
    if [[ -n "$(git status --porcelain 2>/dev/null)" ]]; then
        BALLAST_BENCH_COMMIT="$BALLAST_BENCH_COMMIT (with uncommitted changes)"
    fi
    export BALLAST_BENCH_COMMIT
    # bench/all.sh points each benchmark at a file of its own; run alone, a benchmark appends to BENCHMARKS.md.
    export BALLAST_BENCH_REPORT="${BALLAST_BENCH_REPORT:-$ROOT/BENCHMARKS.md}"
}

# bench_run MAIN_CLASS HEAP [JVM options...]: forks a JVM on platform-api's test classpath, in
# platform-api (where the benchmarks keep their data, under target/).
bench_run() {
    local main="$1" heap="$2"
    shift 2
    local api="$ROOT/platform-api"
    (cd "$api" && java "-Xmx$heap" "-Dlogback.configurationFile=$ROOT/bench/logback-bench.xml" "$@" \
        -classpath "$api/target/test-classes:$api/target/classes:$(cat "$api/target/bench-classpath.txt")" "$main") \
        2> >(strip_ansi >&2) | strip_ansi
}

# bench_tool MAIN_CLASS [arguments...]: runs a small tool (not a benchmark) on the same classpath, with program arguments.
bench_tool() {
    local main="$1"
    shift
    local api="$ROOT/platform-api"
    java -Xmx256m -classpath "$api/target/test-classes:$api/target/classes:$(cat "$api/target/bench-classpath.txt")" "$main" "$@"
}
