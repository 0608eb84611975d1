#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# One entry point for the README's quick start and for CI:
#   packaging/quickstart.sh run    install what is missing, build, open the bundled Bookinfo sample
#   packaging/quickstart.sh test   install what is missing, build, run every test
#   packaging/quickstart.sh build  install what is missing and build
#   packaging/quickstart.sh deps   install what is missing only
# Works as root or through sudo on Debian 12. BUILD_DIR overrides ./build.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

mode=${1:-run}
build_dir=${BUILD_DIR:-build}

packages=(
  cmake ninja-build g++ pkg-config
  qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-tools-dev qt6-tools-dev-tools
  qt6-l10n-tools qt6-qpa-plugins libgl-dev libqt6opengl6-dev
  libyaml-cpp-dev libre2-dev libqcustomplot-dev libgraphviz-dev graphviz libbenchmark-dev ccache
)

install_missing() {
  local missing=()
  for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=()
  [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  echo "Installing: ${missing[*]}"
  "${sudo[@]}" apt-get update
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
}

# ccache makes a rebuild after a small change (or CI after a developer's
# build on the same machine) take seconds instead of minutes. Paths are hashed
# relative to the checkout, so another clone of the same code hits the cache.
build() {
  cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER_LAUNCHER=ccache "$@"
  CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1 cmake --build "$build_dir" --parallel "$(nproc)"
}

case "$mode" in
  run)
    install_missing
    build
    # No folder: the app opens its bundled default sample, Bookinfo.
    exec "$build_dir/app/meshlane"
    ;;
  test)
    install_missing
    build -DMESHLANE_WERROR=ON
    ctest --test-dir "$build_dir" --output-on-failure --parallel "$(nproc)"
    ;;
  build)
    install_missing
    build
    ;;
  deps)
    install_missing
    ;;
  *)
    echo "usage: $0 run|test|build|deps" >&2
    exit 64
    ;;
esac
