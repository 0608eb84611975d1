#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# testdeb.sh [DEB] [OUTDIR]: proves the package on a fresh system. Creates a
# minimal Debian 12 root with mmdebstrap (Debian's packages only), installs
# the .deb there with apt (so its declared dependencies are all it gets), and
# inside that root runs `meshlane --version`, `meshlane analyze` on the
# installed samples, `man meshlane`'s source, and an offscreen screenshot of
# the workbench started with no folder (it must open the bundled Bookinfo).
# The screenshot lands in OUTDIR (default build-release/). Needs root.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
deb=${1:-$(ls -t build-release/meshlane_*.deb 2>/dev/null | head -n 1)}
out=${2:-build-release}
[ -f "$deb" ] || { echo "testdeb: no package; run packaging/makedeb.sh first" >&2; exit 64; }
command -v mmdebstrap > /dev/null || { apt-get update -qq; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mmdebstrap > /dev/null; }

root=$(mktemp -d /tmp/meshlane-debroot.XXXXXX)
trap 'rm -rf "$root"' EXIT
mkdir -p "$out"
start=$(date +%s)
# minbase: essential packages and apt only; no fonts, no X, no Qt.
mmdebstrap --variant=apt --quiet \
  --customize-hook="copy-in '$deb' /tmp" \
  --customize-hook='chroot "$1" sh -c "DEBIAN_FRONTEND=noninteractive apt-get install -y -q /tmp/$(basename '"'$deb'"') > /tmp/install.log"' \
  --customize-hook='chroot "$1" meshlane --version' \
  --customize-hook='chroot "$1" sh -c "meshlane analyze /usr/share/meshlane/samples/bookinfo; echo analyze exit \$?"' \
  --customize-hook='chroot "$1" sh -c "test -s /usr/share/man/man1/meshlane.1.gz && echo man page installed"' \
  --customize-hook='chroot "$1" sh -c "cd /tmp && QT_QPA_PLATFORM=offscreen meshlane --screenshot /tmp/first-start.png --size 1280x800"' \
  --customize-hook="copy-out /tmp/first-start.png '$out'" \
  bookworm "$root" http://deb.debian.org/debian
echo "testdeb: passed in $(( $(date +%s) - start )) s; screenshot: $out/first-start.png"
