# syntax=docker/dockerfile:1
#
# Ballast as one container: build the runnable jar with Maven, run it on a JRE as a non-root user.
#   docker build -t ballast .
#   docker run -p 8080:8080 -v ballast-data:/data -e BALLAST_ADMIN_PASSWORD=... ballast
# docker-compose.yml runs it on PostgreSQL next to Prometheus and Grafana.

# ---- build -------------------------------------------------------------------------------------
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build

# POMs first, so the dependency download below stays cached until a POM changes.
COPY pom.xml ./
COPY platform-core/pom.xml platform-core/
COPY tracking/pom.xml tracking/
COPY client/pom.xml client/
COPY demo/pom.xml demo/
COPY registry/pom.xml registry/
COPY drift-monitor/pom.xml drift-monitor/
COPY web-ui/pom.xml web-ui/
COPY platform-api/pom.xml platform-api/

# Warm-up, best effort: go-offline (3.x skips the reactor's own modules) fetches most of what the
# build needs; whatever it misses is downloaded by the package step.
RUN mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:go-offline \
    || echo "dependency warm-up incomplete; the package step downloads the rest"

COPY platform-core/src platform-core/src
COPY tracking/src tracking/src
COPY client/src client/src
COPY demo/src demo/src
COPY registry/src registry/src
COPY drift-monitor/src drift-monitor/src
COPY web-ui/src web-ui/src
COPY platform-api/src platform-api/src
# Read by the OpenAPI annotation processor while compiling platform-api.
COPY platform-api/openapi.properties platform-api/

RUN mvn -B -pl platform-api -am package -DskipTests

# ---- runtime -----------------------------------------------------------------------------------
FROM eclipse-temurin:17-jre

# curl is the health check's client.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*

# A fixed, non-root uid/gid so volumes and orchestrators (runAsUser, fsGroup) can rely on it.
RUN groupadd --system --gid 10001 ballast \
    && useradd --system --uid 10001 --gid ballast --home-dir /data --no-create-home \
       --shell /usr/sbin/nologin ballast \
    && mkdir -p /data /app \
    && chown ballast:ballast /data

COPY --from=build /build/platform-api/target/ballast-all.jar /app/ballast.jar

# Artifacts, the datasets repository and (without BALLAST_DB_URL) the embedded H2 database.
VOLUME /data

# The application binds to 127.0.0.1 by default, which is unreachable from outside a container.
ENV BALLAST_HOME=/data \
    BALLAST_HOST=0.0.0.0 \
    BALLAST_PORT=8080

EXPOSE 8080

USER ballast
WORKDIR /data

# /health answers 503 when the database is down, which curl -f turns into a failure.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS -o /dev/null "http://127.0.0.1:${BALLAST_PORT:-8080}/health" || exit 1

# Exec form: java is PID 1 and receives SIGTERM, so the graceful shutdown runs on "docker stop".
# Heap follows the container's memory limit; an OutOfMemoryError restarts the container instead
# of leaving a half-working JVM. Add JVM flags through JAVA_TOOL_OPTIONS.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/ballast.jar"]
