#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# One entry point for the README's quick start and for CI:
#   packaging/quickstart.sh run    install what is missing, build, open the bundled Bookinfo sample
#   packaging/quickstart.sh test   install what is missing, build, run every test
#   packaging/quickstart.sh build  install what is missing and build
#   packaging/quickstart.sh deps   install what is missing only
#   packaging/quickstart.sh fuzz [SECONDS]
#                                  build the libFuzzer targets with clang (AddressSanitizer +
#                                  UBSan) in build-fuzz/ and run each on its seed corpus for
#                                  SECONDS (default 30); any crash fails
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
  fuzz)
    packages+=(clang libclang-rt-14-dev)
    install_missing
    seconds=${2:-30}
    fuzz_dir=${FUZZ_BUILD_DIR:-build-fuzz}
    # FUZZ_BUDGET (seconds, CI sets it) bounds build and runs together: a
    # clang build that cannot finish in what is left is skipped, said so.
    budget=${FUZZ_BUDGET:-0}
    start=$(date +%s)
    # -O1 with line tables, as libFuzzer's documentation advises; asserts stay on.
    cmake -S . -B "$fuzz_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
          -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" -DCMAKE_CXX_COMPILER=clang++ \
          -DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DMESHLANE_BUILD_GUI=OFF -DMESHLANE_BUILD_TESTS=OFF \
          -DMESHLANE_BUILD_FUZZERS=ON
    fuzzers=(fuzz_loader fuzz_analyzeroute fuzz_trafficmix fuzz_routeroracle fuzz_editroundtrip fuzz_rolloutplan
             fuzz_exporter)
    limit=()
    if [ "$budget" -gt 0 ]; then
      limit=(timeout $(( budget - ${#fuzzers[@]} * (seconds + 5) )))
    fi
    status=0
    CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1 "${limit[@]}" cmake --build "$fuzz_dir" --parallel "$(nproc)" \
      --target "${fuzzers[@]}" || status=$?
    if [ "$status" -eq 124 ]; then
      echo "fuzz: the clang build did not finish within FUZZ_BUDGET=${budget}s; fuzzers not run"
      exit 0
    fi
    [ "$status" -eq 0 ] || exit "$status"
    for name in "${fuzzers[@]}"; do
      # New inputs go to a scratch copy: the checked-in seeds stay as they are.
      work=$(mktemp -d)
      cp -r "tests/fuzz/corpus/$name/." "$work/"
      echo "== $name: ${seconds} s"
      status=0
      "$fuzz_dir/tests/fuzz/$name" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -malloc_limit_mb=1024 -max_len=8192 -print_final_stats=1 -artifact_prefix="$fuzz_dir/$name-" "$work" \
        > "$fuzz_dir/$name.log" 2>&1 || status=$?
      rm -rf "$work"
      grep -E '^(stat::number_of_executed_units|stat::average_exec_per_sec|#[0-9]+.*DONE)' "$fuzz_dir/$name.log" || true
      if [ "$status" -ne 0 ]; then
        tail -n 40 "$fuzz_dir/$name.log" >&2
        echo "$name failed (exit $status); the input is in $fuzz_dir/$name-*" >&2
        exit 1
      fi
    done
    echo "fuzz: ${#fuzzers[@]} fuzzers, ${seconds} s each, in $(( $(date +%s) - start )) s with the build"
    ;;
  deps)
    install_missing
    ;;
  *)
    echo "usage: $0 run|test|build|deps" >&2
    exit 64
    ;;
esac
