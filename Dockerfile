# eatbot: built with Maven, run on a JRE as uid/gid 10001 (see README "Running in Docker").
#   docker build -t eatbot .
#   docker run -d --name eatbot -e DISCORD_TOKEN -v eatbot-data:/data eatbot
# Checked on a machine without a Docker engine by scripts/image-smoke.sh (podman).
# (podman: build with --format docker, or the OCI format drops the HEALTHCHECK.)

# Pinned by exact tag. Add @sha256:<digest> where you pull from a registry; the smoke
# script replaces these by local stand-ins of the same name where none is reachable.
ARG BUILD_IMAGE=maven:3.9.11-eclipse-temurin-17
ARG RUNTIME_IMAGE=eclipse-temurin:17.0.16_8-jre-noble

FROM ${BUILD_IMAGE} AS build
WORKDIR /src
COPY pom.xml .
# Everything `package` needs, in its own layer: a throwaway build of one stub class runs
# every plugin of the package phase (dependency:go-offline misses some of their dependencies)
RUN mkdir -p src/main/java/stub && echo 'package stub; class Stub {}' > src/main/java/stub/Stub.java \
    && mvn -B -q package -Dmaven.test.skip=true \
    && rm -rf src target
COPY src/main ./src/main
# offline: a download here would mean the layer above missed something
RUN mvn -B -q -o package -Dmaven.test.skip=true

FROM ${RUNTIME_IMAGE}
# A fixed uid/gid: a host folder bind-mounted on /data must belong to it
# (chown 10001:10001 <folder>); eatbot says so in one line when it cannot write there.
RUN groupadd --gid 10001 eatbot \
    && useradd --uid 10001 --gid 10001 --no-create-home --home-dir /app --shell /usr/sbin/nologin eatbot \
    && mkdir -p /app /data && chown 10001:10001 /data \
    && (fc-cache --system-only >/dev/null 2>&1 || true)
WORKDIR /app
COPY --from=build /src/target/eatbot.jar /app/eatbot.jar
# EATBOT_DB: the database on the volume. The token comes only from the environment (-e DISCORD_TOKEN).
# EATBOT_HTTP_*: /health and /metrics on port 8080 of the container.
# EATBOT_COMMAND: how eatbot's hints name the command here.
# JAVA_TOOL_OPTIONS: heap from the container's memory limit; replace it to choose (-e JAVA_TOOL_OPTIONS=-Xmx300m).
# XDG_CACHE_HOME: fontconfig's cache (charts) somewhere writable for any uid; /app is not.
ENV EATBOT_DB=/data/eatbot.db \
    EATBOT_HTTP_PORT=8080 \
    EATBOT_HTTP_HOST=0.0.0.0 \
    EATBOT_COMMAND="docker run --rm -it -v eatbot-data:/data eatbot" \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75" \
    XDG_CACHE_HOME=/tmp/.cache
VOLUME /data
EXPOSE 8080
USER 10001:10001
# no curl in the JRE image: the jar probes its own /health (exit 0 healthy, 1 not); a small JVM for it
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
    CMD ["java", "-Xmx32m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", "/app/eatbot.jar", "health"]
# docker stop sends SIGTERM: the bot stops taking events, finishes its writes and closes the database
STOPSIGNAL SIGTERM
ENTRYPOINT ["java", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/eatbot.jar"]
