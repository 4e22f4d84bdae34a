#!/usr/bin/env bash
# Builds the base image every vcert image starts FROM, without pulling anything: a minimal Debian
# root file system made with debootstrap (minbase: coreutils, bash, passwd's useradd, libstdc++),
# trimmed of documentation and apt's caches, then imported into Podman.
#
#   containers/build-base-image.sh [IMAGE]      default IMAGE: localhost/vcert-base:bookworm
#
# Needs root, debootstrap, podman and a reachable Debian mirror (DEBIAN_MIRROR, default
# http://deb.debian.org/debian). Idempotent: does nothing when the image already exists.
set -euo pipefail

IMAGE="${1:-localhost/vcert-base:bookworm}"
SUITE="${DEBIAN_SUITE:-bookworm}"
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"

if podman image exists "$IMAGE"; then
  echo "build-base-image: $IMAGE already exists"
  exit 0
fi

start=$(date +%s)
rootfs="$(mktemp -d /var/tmp/vcert-rootfs.XXXXXX)"
trap 'rm -rf "$rootfs"' EXIT
echo "build-base-image: debootstrap --variant=minbase $SUITE from $MIRROR into $rootfs"
debootstrap --variant=minbase "$SUITE" "$rootfs" "$MIRROR" >"$rootfs.log" 2>&1 || {
  tail -20 "$rootfs.log" >&2
  rm -f "$rootfs.log"
  exit 1
}
rm -f "$rootfs.log"
after_debootstrap=$(date +%s)
rm -rf "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* \
  "$rootfs"/var/cache/apt/* "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/log/*
echo "build-base-image: importing $(du -sh "$rootfs" | cut -f1) as $IMAGE"
tar --numeric-owner -C "$rootfs" -c . | podman import --quiet \
  --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'CMD ["/bin/bash"]' - "$IMAGE" >/dev/null
end=$(date +%s)
echo "build-base-image: built $IMAGE in $((end - start)) s (debootstrap $((after_debootstrap - start)) s)"
