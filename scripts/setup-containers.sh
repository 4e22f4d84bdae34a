#!/usr/bin/env bash
# Brings up a container engine for `vcert run --image` on a machine without Docker, as
# ../docs/containers.md describes: Podman with runc, its Docker-compatible API socket, and the
# locally built images (nothing can be pulled). Idempotent; prints each step and how long it took.
#
#   scripts/setup-containers.sh            engine, base image, reference implementation image
#
# Then, in the shell that runs vcert or the tests:
#   export DOCKER_HOST=unix:///run/podman/podman.sock TESTCONTAINERS_RYUK_DISABLED=true \
#     TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1
#
# Needs root (apt-get, /etc/containers, /run/podman). Environment: VCERT_BASE_IMAGE,
# VCERT_REFERENCE_IMAGE (image names), PODMAN_SOCKET (path of the API socket).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SOCKET="${PODMAN_SOCKET:-/run/podman/podman.sock}"
BASE_IMAGE="${VCERT_BASE_IMAGE:-localhost/vcert-base:bookworm}"
REFERENCE_IMAGE="${VCERT_REFERENCE_IMAGE:-localhost/vcert-reference:latest}"
CONF=/etc/containers/containers.conf
started=$(date +%s)
step_started=$started

say() { echo "setup-containers: $*"; }
took() {
  local now
  now=$(date +%s)
  say "$1 ($((now - step_started)) s)"
  step_started=$now
}

if [ "$(id -u)" -ne 0 ]; then
  say "needs root (apt-get, /etc/containers, /run/podman); run it as root or set DOCKER_HOST to an engine" >&2
  exit 1
fi

# 1. Podman, runc (crun fails here on rlimits and hybrid cgroups) and debootstrap for the base image.
missing=()
for tool in podman runc debootstrap; do command -v "$tool" >/dev/null 2>&1 || missing+=("$tool"); done
if [ "${#missing[@]}" -gt 0 ]; then
  say "installing ${missing[*]} with apt-get"
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q podman runc debootstrap >/dev/null
  took "installed $(podman --version)"
else
  say "podman, runc and debootstrap are installed"
fi

# 2. runc as the runtime, no default ulimits.
wanted=$'[containers]\ndefault_ulimits = []\n[engine]\nruntime = "runc"'
if [ "$(cat "$CONF" 2>/dev/null)" != "$wanted" ]; then
  mkdir -p /etc/containers
  if [ -f "$CONF" ]; then cp "$CONF" "$CONF.vcert-backup"; fi
  printf '%s\n' "$wanted" >"$CONF"
  say "wrote $CONF (runtime runc)"
else
  say "$CONF already selects runc"
fi

# 3. The Docker-compatible API on a unix socket, in the background.
ping() { curl -sf --max-time 2 --unix-socket "$SOCKET" http://podman/_ping >/dev/null 2>&1; }
if ping; then
  say "the Podman API already answers on unix://$SOCKET"
else
  mkdir -p "$(dirname "$SOCKET")"
  rm -f "$SOCKET"
  log="$(dirname "$SOCKET")/podman-service.log"
  # From /, so that removing the checkout it was started from cannot break it (seen: "write child: broken pipe").
  pidfile="$(dirname "$SOCKET")/podman-service.pid"
  (cd / && { setsid podman system service --time=0 "unix://$SOCKET" >"$log" 2>&1 </dev/null & echo $! >"$pidfile"; })
  for _ in $(seq 1 100); do
    if ping; then break; fi
    sleep 0.2
  done
  if ! ping; then
    say "the Podman API did not answer on unix://$SOCKET within 20 s; see $log" >&2
    exit 1
  fi
  took "started the Podman API (pid $(cat "$(dirname "$SOCKET")/podman-service.pid")) on unix://$SOCKET"
fi

# 4. The base image, from a debootstrapped Debian (nothing can be pulled).
if podman image exists "$BASE_IMAGE"; then
  say "$BASE_IMAGE exists"
else
  "$ROOT/containers/build-base-image.sh" "$BASE_IMAGE"
  took "built $BASE_IMAGE"
fi

# 5. The reference implementation's image. Always built: unchanged files reuse the cached layer,
#    changed ones give an image of the code as it is now.
#    The untagged images earlier builds left (label vcert.image=reference-impl) are pruned, so that
#    rebuilds do not pile up on the disk.
say "building $REFERENCE_IMAGE from containers/reference-impl.Containerfile"
podman build --quiet --layers -f "$ROOT/containers/reference-impl.Containerfile" \
  --ignorefile "$ROOT/containers/reference-impl.containerignore" \
  -t "$REFERENCE_IMAGE" "$ROOT" >/dev/null
podman image prune --force --filter label=vcert.image=reference-impl >/dev/null
took "built $REFERENCE_IMAGE"

say "ready in $(($(date +%s) - started)) s; use DOCKER_HOST=unix://$SOCKET TESTCONTAINERS_RYUK_DISABLED=true TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1"
