#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# makedeb.sh: a Release build of the app alone (no tests) in build-release/,
# packed by cpack into build-release/meshlane_<version>_<arch>.deb, then
# checked with lintian, desktop-file-validate and appstreamcli when present.
# Prints the package's path last.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
build_dir=${BUILD_DIR:-build-release}

packaging/quickstart.sh deps
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr -DCMAKE_CXX_COMPILER_LAUNCHER=ccache \
      -DMESHLANE_BUILD_TESTS=OFF -DMESHLANE_BUILD_BENCHMARKS=OFF
CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1 cmake --build "$build_dir" --parallel "$(nproc)"
(cd "$build_dir" && cpack -G DEB > /dev/null)
deb=$(ls -t "$build_dir"/meshlane_*.deb | head -n 1)

if command -v desktop-file-validate > /dev/null; then
  desktop-file-validate packaging/io.meshlane.Meshlane.desktop
fi
if command -v appstreamcli > /dev/null; then
  appstreamcli validate --no-net packaging/io.meshlane.Meshlane.metainfo.xml > /dev/null
fi
if command -v lintian > /dev/null; then
  # Findings are printed, not fatal: the closing notes say which are accepted and why.
  lintian --no-tag-display-limit "$deb" >&2 || true
fi
echo "$deb"
