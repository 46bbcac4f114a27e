# Shared by the bench/*.sh scripts (sourced, not run): build, record the commit, and run one
# benchmark class on platform-api's test classpath. Expects ROOT to be the repository root.

# Debian's Maven 3.8 prints ANSI resets even in batch mode; keep them out of the output.
strip_ansi() { sed -u $'s/\e\\[[0-9;]*m//g'; }

# Builds unless BALLAST_BENCH_SKIP_BUILD=1, and exports what the report records.
bench_prepare() {
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
}

# bench_run MAIN_CLASS HEAP [JVM options...]: forks a JVM on platform-api's test classpath.
# (exec:exec rather than exec:java: the Micronaut parent configures the plugin's <arguments> with
# a <classpath/> element, which exec:java refuses to parse.)
bench_run() {
    local main="$1" heap="$2"
    shift 2
    local jvm_args="-Xmx$heap -Dlogback.configurationFile=$ROOT/bench/logback-bench.xml"
    for a in "$@"; do
        jvm_args="$jvm_args $a"
    done
    mvn -B -q -pl platform-api \
        org.codehaus.mojo:exec-maven-plugin:3.6.2:exec \
        -Dexec.executable=java \
        -Dexec.classpathScope=test \
        -Dexec.args="$jvm_args -classpath %classpath $main" \
        2> >(strip_ansi >&2) | strip_ansi
}
