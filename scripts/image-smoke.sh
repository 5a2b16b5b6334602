#!/usr/bin/env bash
# Builds eatbot's image from the Dockerfile and smoke-tests it the way an operator
# runs it: a console session through stdin, data surviving a second run, a non-root
# user (uid 10001), the one-line error for a /data it cannot write, SIGTERM, the
# health command and the image's HEALTHCHECK, /metrics, memory from the container's
# limit, no fontconfig errors. Not part of `mvn test` (it takes minutes and an engine).
#
#   scripts/image-smoke.sh            bases, build, test
#   scripts/image-smoke.sh bases      only make sure the base images are there
#   scripts/image-smoke.sh build      bases and build
#   scripts/image-smoke.sh test       test an image already built
#
# Engine: Docker when a Docker engine answers, else podman (Debian: apt-get install
# podman), set up for a machine without a daemon, registry or systemd: vfs storage,
# `build --isolation chroot --network host --pull=never`, and `run --runtime runc`
# with explicit ulimits (crun refuses some cgroup setups).
#
# Base images: with podman, a base image of the Dockerfile's FROM that is not there
# (no registry reachable) is replaced by a local stand-in of the same name: Debian
# bookworm (debootstrap) with Debian's OpenJDK 17 (and Maven for the build stage),
# imported with `podman import`. Stand-ins are cached in $EATBOT_SMOKE_CACHE.
#
# CA certificates: certificates added locally on this host (/usr/local/share/ca-certificates)
# are added to a derived build image, so Maven in the build stage trusts what this
# host trusts (an intercepting proxy, say). The image that ships is not touched.
set -euo pipefail
cd "$(dirname "$0")/.."

IMAGE=${EATBOT_SMOKE_IMAGE:-localhost/eatbot:smoke}
CACHE=${EATBOT_SMOKE_CACHE:-/var/tmp/eatbot-image-smoke}
MIRROR=${EATBOT_SMOKE_DEBIAN_MIRROR:-http://deb.debian.org/debian}
STEP=${1:-all}
NAME=eatbot-smoke-$$
FAILED=0

say() { printf '== %s\n' "$*"; }
# a one-off container: no HEALTHCHECK (podman would arm a systemd timer for it, and say on stderr there is none)
once() { run --rm --no-healthcheck "$@"; }
ok() { printf '  ok   %s\n' "$*"; }
bad() { printf '  FAIL %s\n' "$*"; FAILED=1; }

if command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then
  ENGINE=docker
  engine() { docker "$@"; }
  build() { docker build "$@"; }
  run() { docker run "$@"; }
  image_exists() { docker image inspect "$1" >/dev/null 2>&1; }
elif command -v podman >/dev/null 2>&1; then
  ENGINE=podman
  engine() { podman --storage-driver vfs --runtime runc "$@"; }
  build() { engine build --format docker --pull=never --isolation chroot --network host "$@"; }
  run() { engine run --ulimit nofile=20000:20000 --ulimit nproc=4096:4096 "$@"; }
  image_exists() { engine image exists "$1"; }
else
  echo "image-smoke: needs Docker (with an engine running) or podman (apt-get install podman)" >&2
  exit 2
fi

# The FROM images: the defaults of the Dockerfile's BUILD_IMAGE and RUNTIME_IMAGE arguments.
arg_default() { sed -n "s/^ARG $1=//p" Dockerfile | head -1; }
BUILD_BASE=$(arg_default BUILD_IMAGE)
RUNTIME_BASE=$(arg_default RUNTIME_IMAGE)
[ -n "$BUILD_BASE" ] && [ -n "$RUNTIME_BASE" ] || { echo "image-smoke: Dockerfile lacks ARG BUILD_IMAGE=/RUNTIME_IMAGE=" >&2; exit 2; }
# podman names an image without a registry docker.io/library/...
qualified() { case "$1" in */*) echo "$1" ;; *) echo "docker.io/library/$1" ;; esac; }

standin_debian() {
  local ref=localhost/eatbot-standin/debian:bookworm
  image_exists "$ref" && return 0
  command -v debootstrap >/dev/null || { echo "image-smoke: stand-in base images need debootstrap (apt-get install debootstrap)" >&2; exit 2; }
  mkdir -p "$CACHE"
  local root="$CACHE/bookworm-rootfs"
  if [ ! -f "$root/.done" ]; then
    rm -rf "$root"
    say "debootstrap Debian bookworm (minbase) into $root"
    debootstrap --variant=minbase bookworm "$root" "$MIRROR" >"$CACHE/debootstrap.log" 2>&1 \
      || { tail -20 "$CACHE/debootstrap.log"; exit 1; }
    rm -rf "$root"/var/cache/apt/archives/*.deb
    touch "$root/.done"
  fi
  tar -C "$root" --exclude=./.done --exclude='./proc/*' --exclude='./sys/*' --exclude='./dev/*' -cf - . \
    | engine import --change 'CMD ["/bin/bash"]' - "$ref" >/dev/null
}

# $1: image name, $2: Debian packages
standin() {
  local ref; ref=$(qualified "$1")
  image_exists "$ref" && { ok "base image $1 is there"; return 0; }
  if [ "$ENGINE" = docker ]; then docker pull "$1"; return; fi
  say "base image $1 is absent: making a local stand-in (Debian bookworm + $2)"
  standin_debian
  local ctx; ctx=$(mktemp -d)
  cat >"$ctx/Containerfile" <<EOF
FROM localhost/eatbot-standin/debian:bookworm
RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $2 \\
    && rm -rf /var/lib/apt/lists/* /var/cache/apt/archives/*.deb
EOF
  build -q -t "$ref" "$ctx" >"$CACHE/standin-$(echo "$1" | tr -c 'a-zA-Z0-9.\n' -).log" 2>&1 \
    || { tail -20 "$CACHE"/standin-*.log; rm -rf "$ctx"; exit 1; }
  rm -rf "$ctx"
  ok "stand-in $ref made"
}

bases() {
  mkdir -p "$CACHE"
  # the JRE image has fontconfig and DejaVu fonts, as Temurin's has
  standin "$RUNTIME_BASE" "openjdk-17-jre-headless ca-certificates fontconfig fonts-dejavu-core"
  standin "$BUILD_BASE" "openjdk-17-jdk-headless maven ca-certificates ca-certificates-java"
}

# The build stage with this host's locally added CA certificates (if any): Maven must
# verify Maven Central's certificate as this host does.
build_base_with_local_cas() {
  local certs=(/usr/local/share/ca-certificates/*.crt)
  if [ ! -e "${certs[0]}" ]; then echo "$BUILD_BASE"; return; fi
  local ctx; ctx=$(mktemp -d)
  cp "${certs[@]}" "$ctx/"
  cat >"$ctx/Containerfile" <<EOF
FROM $BUILD_BASE
COPY *.crt /usr/local/share/ca-certificates/
RUN update-ca-certificates >/dev/null 2>&1 || true; \\
    for f in /usr/local/share/ca-certificates/*.crt; do \\
      keytool -importcert -noprompt -cacerts -storepass changeit -alias "local-\$(basename "\$f")" -file "\$f" >/dev/null 2>&1 || true; \\
    done
EOF
  build -q -t localhost/eatbot-build-base:local-ca "$ctx" >/dev/null
  rm -rf "$ctx"
  echo localhost/eatbot-build-base:local-ca
}

build_image() {
  local base; base=$(build_base_with_local_cas)
  say "building $IMAGE (build stage from $base)"
  local start=$SECONDS
  build -t "$IMAGE" --build-arg BUILD_IMAGE="$base" . >"$CACHE/build.log" 2>&1 || { tail -40 "$CACHE/build.log"; exit 1; }
  ok "built in $((SECONDS - start)) s (log: $CACHE/build.log)"
}

cleanup() {
  engine rm -f "$NAME" >/dev/null 2>&1 || true
  engine volume rm -f "$NAME-data" >/dev/null 2>&1 || true
  [ -n "${BIND:-}" ] && rm -rf "$BIND"
  return 0
}

# GET $2 inside container $1 (the image has no curl: bash's /dev/tcp)
http_get() {
  engine exec "$1" bash -c 'exec 3<>/dev/tcp/127.0.0.1/${EATBOT_HTTP_PORT}; printf "GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n" "$0" >&3; cat <&3' "$2"
}

# polls until $1 succeeds or $2 seconds have passed
await() {
  local deadline=$((SECONDS + $2))
  until eval "$1" >/dev/null 2>&1; do
    [ $SECONDS -lt $deadline ] || return 1
    sleep 0.5
  done
}

smoke() {
  trap cleanup EXIT
  local vol=$NAME-data out err code
  engine volume create "$vol" >/dev/null
  say "smoke-testing $IMAGE"

  out=$(printf '/place add name:Pho 99 tags:vietnamese\n/eat\n+1\n/eat why\nquit\n' \
        | once -i --network none -v "$vol:/data" "$IMAGE" console 2>"$CACHE/console.err") || true
  if grep -q 'Added Pho 99' <<<"$out" && grep -q 'Noted #1: me on Pho 99' <<<"$out"; then ok "console session through stdin"; else bad "console session: $out"; fi
  if grep -q 'Fontconfig error' "$CACHE/console.err"; then bad "fontconfig complains: $(grep -m1 Fontconfig "$CACHE/console.err")"; else ok "a chart renders with no fontconfig error"; fi

  out=$(printf '/taste\n' | once -i --network none -v "$vol:/data" "$IMAGE" console 2>/dev/null) || true
  if grep -q '👍 1 👎 0' <<<"$out"; then ok "the data survives a second run (volume)"; else bad "second run: $out"; fi

  out=$(once --network none -v "$vol:/data" --entrypoint sh "$IMAGE" -c 'echo "$(id -u):$(id -g) $(stat -c %u:%g /data/eatbot.db)"')
  if [ "$out" = "10001:10001 10001:10001" ]; then ok "runs as uid:gid 10001:10001, owns its database"; else bad "user and owner: $out"; fi

  BIND=$(mktemp -d)
  chmod 755 "$BIND"
  set +e
  err=$(printf 'quit\n' | once -i --network none -v "$BIND:/data" "$IMAGE" console 2>&1 >/dev/null)
  code=$?
  set -e
  if [ $code -eq 5 ] && [ "$(grep -vc 'Picked up JAVA_TOOL_OPTIONS' <<<"$err")" -eq 1 ] && grep -q 'chown 10001:10001' <<<"$err"; then
    ok "a bind mount it cannot write: exit 5 and one line: $(grep -v 'Picked up' <<<"$err")"
  else
    bad "unwritable bind mount: exit $code: $err"
  fi
  chown 10001:10001 "$BIND"
  out=$(printf '/place add name:Dosa Hut\nquit\n' | once -i --network none -v "$BIND:/data" "$IMAGE" console 2>/dev/null) || true
  if grep -q 'Added Dosa Hut' <<<"$out" && [ -f "$BIND/eatbot.db" ]; then ok "after chown 10001:10001 the bind mount works"; else bad "chowned bind mount: $out"; fi

  out=$(once --network none --memory 512m --entrypoint java "$IMAGE" -XX:+PrintFlagsFinal -version 2>/dev/null | awk '$2 == "MaxHeapSize" {print $4}') || true
  if [ -n "$out" ] && [ "$out" -gt $((300 * 1024 * 1024)) ]; then ok "--memory 512m gives a heap of $((out / 1024 / 1024)) MiB"; else bad "heap under --memory 512m: ${out:-unknown}"; fi
  out=$(once --network none -e JAVA_TOOL_OPTIONS=-Xmx200m --entrypoint java "$IMAGE" -XX:+PrintFlagsFinal -version 2>/dev/null | awk '$2 == "MaxHeapSize" {print $4}') || true
  if [ "$out" = $((200 * 1024 * 1024)) ]; then ok "JAVA_TOOL_OPTIONS=-Xmx200m overrides it"; else bad "JAVA_TOOL_OPTIONS override: ${out:-unknown}"; fi

  set +e
  err=$(once --network none "$IMAGE" 2>&1)
  code=$?
  set -e
  if [ $code -eq 2 ] && grep -q 'docker run' <<<"$err" && ! grep -q 'target/eatbot.jar' <<<"$err"; then ok "without a token the hint names the image's command"; else bad "missing-token hint (exit $code): $err"; fi

  # a long console session in the background: health, metrics, the HEALTHCHECK, then SIGTERM
  engine volume rm -f "$vol" >/dev/null
  engine volume create "$vol" >/dev/null
  run -d -i --name "$NAME" --network none -v "$vol:/data" "$IMAGE" console >/dev/null 2> >(grep -v 'systemd connection' >&2)
  if await "engine exec $NAME java -jar /app/eatbot.jar health" 60; then
    ok "health command: $(engine exec "$NAME" java -jar /app/eatbot.jar health 2>/dev/null)"
  else
    bad "health command never answered 0: $(engine exec "$NAME" java -jar /app/eatbot.jar health 2>&1)"
  fi
  if [ "$ENGINE" = podman ]; then
    if engine healthcheck run "$NAME" >/dev/null 2>&1; then ok "the image's HEALTHCHECK passes (podman healthcheck run)"; else bad "HEALTHCHECK: $(engine healthcheck run "$NAME" 2>&1)"; fi
  fi
  out=$(http_get "$NAME" /metrics 2>/dev/null) || true
  if grep -q '^eatbot_writer_queue_depth' <<<"$out" && grep -q '^jvm_memory_used_bytes' <<<"$out"; then
    ok "/metrics: $(grep -c '^eatbot_' <<<"$out") eatbot_ samples"
  else
    bad "/metrics: $(head -5 <<<"$out")"
  fi
  local start=$SECONDS
  engine stop -t 20 "$NAME" >/dev/null 2> >(grep -v 'systemd connection' >&2)
  code=$(engine inspect --format '{{.State.ExitCode}}' "$NAME")
  if [ $((SECONDS - start)) -lt 15 ] && { [ "$code" = 143 ] || [ "$code" = 0 ]; } && engine logs "$NAME" 2>&1 | grep -q 'database closed'; then
    ok "SIGTERM: stopped in $((SECONDS - start)) s, exit $code, database closed"
  else
    bad "SIGTERM: exit $code after $((SECONDS - start)) s; $(engine logs "$NAME" 2>&1 | tail -3)"
  fi

  if [ $FAILED -eq 0 ]; then say "image smoke test passed ($ENGINE)"; else say "image smoke test FAILED ($ENGINE)"; fi
  return $FAILED
}

case "$STEP" in
  bases) bases ;;
  build) bases; build_image ;;
  test) smoke ;;
  all) bases; build_image; smoke ;;
  *) echo "usage: $0 [all|bases|build|test]" >&2; exit 2 ;;
esac
