#!/bin/sh
# run-with-locales.sh DIR PROGRAM [ARGUMENT…]
#
# Compiles the ru_RU.UTF-8 and zh_CN.UTF-8 locales into DIR once, with the
# C library's localedef and the definitions of Debian's package "locales",
# and runs PROGRAM with LOCPATH=DIR: the translation tests need the month
# names of those locales but no locale generated system-wide. A locale that
# cannot be compiled is left out, and the test that needs it says why.
set -u

dir=${1:?usage: run-with-locales.sh DIR PROGRAM [ARGUMENT…]}
shift
mkdir -p "$dir" || exit 1

for locale in ru_RU zh_CN; do
  out=$dir/$locale.UTF-8
  [ -f "$out/LC_TIME" ] && continue
  rm -rf "$out.tmp"
  # Status 1 means warnings only; the locale is written all the same.
  localedef -i "$locale" -f UTF-8 "$out.tmp" > "$dir/$locale.log" 2>&1
  if [ $? -le 1 ] && [ -f "$out.tmp/LC_TIME" ]; then
    rm -rf "$out"
    mv "$out.tmp" "$out"
  else
    rm -rf "$out.tmp"
    echo "# cannot compile the $locale.UTF-8 locale (is the package \"locales\" installed?):" >&2
    sed 's/^/#   /' "$dir/$locale.log" >&2
  fi
done

LOCPATH=$dir
export LOCPATH
exec "$@"
