#!/bin/sh
# The user's help is valid Mallard, its links and pictures lead somewhere,
# every page is reachable from the index, every page is installed, and the
# dataset it shows as an example opens.
#   check-user-help.sh HELP_DIR MESON_BUILD ENTENTE
set -u
help=$1
meson_build=$2
entente=$3
status=0

fail() {
  echo "$*" >&2
  status=1
}

cd "$help/C" || exit 1
yelp-check validate ./*.page || fail "pages do not validate"
out=$(yelp-check links ./*.page) || fail "broken links: $out"
out=$(yelp-check media ./*.page) || fail "missing pictures: $out"
out=$(yelp-check orphans ./*.page)
[ -z "$out" ] || fail "pages no guide links to: $out"
out=$(yelp-check ids ./*.page)
[ -z "$out" ] || fail "page ids that differ from their file names: $out"

for page in ./*.page; do
  grep -q "'$(basename "$page")'" "$meson_build" || fail "$page is not installed by $meson_build"
done

# The example of write.page, taken out of its <code> element and its XML
# escapes undone, is a valid dataset.
example=$(mktemp --suffix=.json) || exit 1
trap 'rm -f "$example"' EXIT
sed -n '/<code mime="application\/json">/,/<\/code>/p' write.page |
  sed -e 's/.*<code mime="application\/json">//' -e 's/<\/code>.*//' \
      -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&quot;/"/g' -e 's/&amp;/\&/g' > "$example"
[ -s "$example" ] || fail "write.page has no example"
"$entente" --check "$example" || fail "the example of write.page is not a valid dataset"

exit $status
