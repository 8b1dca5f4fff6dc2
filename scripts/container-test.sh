#!/usr/bin/env bash
# Builds the image from ./Dockerfile with podman and starts it, as an operator would (issue 14,
# "Packaging"): the health check answers, the server runs as uid 1000 without a writable key next
# to the data, a CLI command runs through the same entry point, and a restart with the same key
# opens the data again while a container without the key refuses to start.
#
#   sudo bash scripts/container-test.sh            (needs root, podman and, offline, debootstrap)
#
# Offline (no container registry, as on our build machines) it first makes the base image itself:
# a minimal Debian bookworm from Debian's mirror (debootstrap) with this machine's Node.js 20 and
# npm copied in, tagged localhost/probity-node-base, and passes it as NODE_IMAGE. With a registry,
# set NODE_IMAGE=node:20-bookworm-slim to build on the official image instead.
# Not part of `npm test`: it needs root and a container runtime, and takes several minutes.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

command -v podman >/dev/null || { echo "podman is not installed (apt-get install podman)" >&2; exit 2; }
WORK=${CONTAINER_TEST_DIR:-/tmp/probity-container-test}
NODE_IMAGE=${NODE_IMAGE:-}
NAME=probity-container-test
PORT=${CONTAINER_TEST_PORT:-39123}
mkdir -p "$WORK"

# Where crun refuses (cgroup v1/hybrid hosts: "cgroups in hybrid mode not supported"), runc is used;
# the limits podman sets by default exceed a sandbox's hard limits (setrlimit: operation not
# permitted), so the container gets this shell's own hard limit for open files and a modest one
# for processes.
RUNTIME=${CONTAINER_RUNTIME:-}
if [ -z "$RUNTIME" ] && podman info --format '{{.Host.CgroupsVersion}}' | grep -q v1 && command -v runc >/dev/null; then
  RUNTIME=runc
fi
OPTS=(--ulimit "nofile=$(ulimit -Hn):$(ulimit -Hn)" --ulimit nproc=4096:4096)
[ -n "$RUNTIME" ] && OPTS+=(--runtime "$RUNTIME")

step() { printf '\n== %s (%s)\n' "$1" "$(date -u +%H:%M:%S)"; }

if [ -z "$NODE_IMAGE" ]; then
  NODE_IMAGE=localhost/probity-node-base:20
  if ! podman image exists "$NODE_IMAGE"; then
    step "base image: debootstrap bookworm + this machine's Node.js $(node --version)"
    command -v debootstrap >/dev/null || { echo "debootstrap is not installed" >&2; exit 2; }
    ROOTFS="$WORK/rootfs"
    if [ ! -x "$ROOTFS/bin/bash" ]; then
      rm -rf "$ROOTFS"
      debootstrap --variant=minbase bookworm "$ROOTFS" http://deb.debian.org/debian >"$WORK/debootstrap.log"
    fi
    NODE_BIN=$(readlink -f "$(command -v node)")
    NPM_DIR=$(dirname "$(readlink -f "$(command -v npm)")")/..
    install -D -m 0755 "$NODE_BIN" "$ROOTFS/usr/local/bin/node"
    mkdir -p "$ROOTFS/usr/local/lib/node_modules" "$ROOTFS/usr/local/include"
    rm -rf "$ROOTFS/usr/local/lib/node_modules/npm"
    cp -a "$(readlink -f "$NPM_DIR")" "$ROOTFS/usr/local/lib/node_modules/npm"
    ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$ROOTFS/usr/local/bin/npm"
    # Node's headers, so node-gyp builds native modules without downloading them.
    [ -d /usr/include/node ] && cp -a /usr/include/node "$ROOTFS/usr/local/include/"
    # This machine's certificate authorities (a network that inspects TLS has its own), so npm
    # and apt inside the build reach their registries as they do here.
    mkdir -p "$ROOTFS/etc/ssl/certs"
    cp /etc/ssl/certs/ca-certificates.crt "$ROOTFS/etc/ssl/certs/probity-host-ca.crt"
    chroot "$ROOTFS" sh -c 'getent passwd node >/dev/null || { groupadd -g 1000 node && useradd -u 1000 -g node -m -s /bin/bash node; }'
    tar -C "$ROOTFS" -c . | podman import \
      --change 'ENV PATH=/usr/local/bin:/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin' \
      --change 'ENV npm_config_nodedir=/usr/local' \
      --change 'ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/probity-host-ca.crt' \
      --change 'ENV npm_config_cafile=/etc/ssl/certs/probity-host-ca.crt' \
      --change 'CMD ["node"]' - "$NODE_IMAGE" >/dev/null
  fi
fi

step "podman build (NODE_IMAGE=$NODE_IMAGE)"
started=$(date +%s)
podman build "${OPTS[@]}" --format docker --pull=never --network=host --build-arg "NODE_IMAGE=$NODE_IMAGE" -t localhost/probity:test . \
  >"$WORK/build.log" 2>&1 || { tail -40 "$WORK/build.log"; exit 1; }
echo "built in $(($(date +%s) - started)) s; image size $(podman image inspect localhost/probity:test --format '{{.Size}}') bytes"

cleanup() { podman rm -f "$NAME" >/dev/null 2>&1 || true; }
trap cleanup EXIT
cleanup

KEY=$(head -c 32 /dev/urandom | base64)
podman volume rm -f probity-container-test-data >/dev/null 2>&1 || true
podman volume create probity-container-test-data >/dev/null

step "first start: demo data, the key from the environment"
podman run "${OPTS[@]}" -d --name "$NAME" --network=host -e PORT="$PORT" -e PROBITY_KEY="$KEY" \
  -v probity-container-test-data:/data localhost/probity:test serve --demo >/dev/null
for _ in $(seq 1 90); do
  curl -fsS "http://127.0.0.1:$PORT/api/health" >/dev/null 2>&1 && break
  sleep 1
done
curl -fsS "http://127.0.0.1:$PORT/api/health"; echo
test "$(podman exec "$NAME" id -u)" = 1000 || { echo "FAIL: the server does not run as uid 1000" >&2; exit 1; }
echo "runs as uid $(podman exec "$NAME" id -u)"
curl -fsS "http://127.0.0.1:$PORT/" | grep -q '<div id="root"' || { echo "FAIL: the web app is not served" >&2; exit 1; }
echo "web app served"
podman healthcheck run "$NAME" || { echo "FAIL: the image's HEALTHCHECK does not pass" >&2; exit 1; }
echo "HEALTHCHECK passes"
podman exec "$NAME" node bin/probity.js doctor >"$WORK/doctor.log" 2>&1 || { cat "$WORK/doctor.log"; exit 1; }
echo "probity doctor: $(tail -1 "$WORK/doctor.log")"
podman exec "$NAME" sh -c 'ls /data' | grep -q probity.key && { echo "FAIL: a key file was written into /data" >&2; exit 1; }
echo "no key file in /data"
cleanup

step "restart with the same key: the data opens"
podman run "${OPTS[@]}" -d --name "$NAME" --network=host -e PORT="$PORT" -e PROBITY_KEY="$KEY" \
  -v probity-container-test-data:/data localhost/probity:test serve >/dev/null
for _ in $(seq 1 60); do
  curl -fsS "http://127.0.0.1:$PORT/api/health" >/dev/null 2>&1 && break
  sleep 1
done
curl -fsS "http://127.0.0.1:$PORT/api/health"; echo
cleanup

step "start without the key: refused with a message naming the fix"
if podman run "${OPTS[@]}" --rm --network=host -e PORT="$PORT" -v probity-container-test-data:/data \
  localhost/probity:test serve >"$WORK/nokey.log" 2>&1; then
  echo "FAIL: the server started without its key" >&2; exit 1
fi
grep -iE "key" "$WORK/nokey.log" | head -3
podman volume rm -f probity-container-test-data >/dev/null
step "container test passed"
