#!/bin/sh
# Installs what building and testing whosaid needs, from Debian's packages
# only. Runs as root, or through sudo when it is there.
set -eu
run() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
export DEBIAN_FRONTEND=noninteractive
run apt-get update -qq
# The page tests drive Chromium from Node.js: Debian's nodejs unless a node
# is already there.
node_pkg=$(command -v node >/dev/null 2>&1 || echo nodejs)
run apt-get install -y -qq --no-install-recommends \
  cmake g++ make pkg-config \
  libre2-dev libboost-program-options-dev libyaml-cpp-dev nlohmann-json3-dev \
  libsqlite3-dev \
  libcpp-httplib-dev \
  libgtest-dev libgmock-dev libbenchmark-dev clang-format \
  clang-14 libclang-rt-14-dev \
  pybind11-dev python3-dev python3-pytest python3-distributed \
  chromium fonts-liberation $node_pkg wrk curl >/dev/null
