#!/bin/sh
# The manual page is well-formed troff for man's macros, documents every
# option `entente --help` lists, and names no option Entente does not take.
#   check-man-page.sh MAN_PAGE ENTENTE
set -u
page=$1
entente=$2
status=0

fail() {
  echo "$*" >&2
  status=1
}

# groff reports a malformed page only as warnings, on standard error.
warnings=$(groff -man -Tutf8 -ww -z "$page" 2>&1) || fail "groff could not format $page"
[ -z "$warnings" ] || fail "$page has warnings: $warnings"

# In English, so that the section's heading can be found.
help=$(LANGUAGE=C LC_ALL=C.UTF-8 "$entente" --help) || fail "entente --help failed"
help_all=$(LANGUAGE=C LC_ALL=C.UTF-8 "$entente" --help-all) || fail "entente --help-all failed"

# The options of the application's own section (--version among them),
# and --help.
options=$(printf '%s\n' "$help" |
  sed -n '/^Application Options:/,/^$/p' |
  grep -o -- '--[a-z][a-z-]*' | sort -u)
[ -n "$options" ] || fail "entente --help lists no Application Options"
# An option is documented by an entry of its own: the line after .TP is
# the entry's tag. troff writes a hyphen in an option as \-.
tags=$(awk 'tag { print; tag = 0 } /^\.TP/ { tag = 1 }' "$page" | sed 's/\\-/-/g')
for option in $options --help; do
  printf '%s\n' "$tags" | grep -Eq -- "$option([^a-z-]|\$)" || fail "$page has no entry for $option"
done

# Every option the page names, Entente takes.
for option in $(sed 's/\\-/-/g' "$page" | grep -o -- '--[a-z][a-z-]*' | sort -u); do
  printf '%s\n' "$help_all" | grep -Eq -- "$option([^a-z-]|\$)" || fail "$page documents $option, which entente does not take"
done

exit $status
