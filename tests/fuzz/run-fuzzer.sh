#!/bin/sh
# run-fuzzer.sh FUZZER SCRATCH_DIR [LIBFUZZER ARGS…]
#
# libFuzzer adds every input it finds interesting to the first corpus
# directory it is given. Giving it an empty scratch directory first keeps
# the checked-in corpus read-only and makes each run start from the same
# inputs, so that a fixed seed gives the same run every time.
set -eu

fuzzer=$1
scratch=$2
shift 2

rm -rf "$scratch"
mkdir -p "$scratch"
exec "$fuzzer" "$scratch" "$@"
