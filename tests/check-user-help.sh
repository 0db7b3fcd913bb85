#!/bin/sh
# The user's help is valid Mallard, its links and pictures lead somewhere,
# every page is reachable from the index, every page is installed, the
# dataset it shows as an example opens, and its translations are complete
# and give valid pages.
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
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
example=$tmp/example.json
sed -n '/<code mime="application\/json">/,/<\/code>/p' write.page |
  sed -e 's/.*<code mime="application\/json">//' -e 's/<\/code>.*//' \
      -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&quot;/"/g' -e 's/&amp;/\&/g' > "$example"
[ -s "$example" ] || fail "write.page has no example"
"$entente" --check "$example" || fail "the example of write.page is not a valid dataset"

# Each translation is complete, current with the pages, and gives pages
# that are valid with their links whole.
pot="$tmp/help.pot"
itstool -o "$pot" ./*.page || fail "itstool could not read the pages"
for lang in $(cat "$help/LINGUAS"); do
  po="$help/$lang/$lang.po"
  stats=$(msgfmt --check --statistics -o "$tmp/$lang.mo" "$po" 2>&1) || fail "$po: $stats"
  case $stats in
    *fuzzy*|*untranslated*) fail "$po is not complete: $stats" ;;
  esac
  out=$(msgcmp "$po" "$pot" 2>&1) || fail "$po lacks messages of the pages: $out"
  mkdir -p "$tmp/$lang"
  itstool -m "$tmp/$lang.mo" -o "$tmp/$lang" ./*.page || fail "$lang: itstool could not translate the pages"
  (cd "$tmp/$lang" && yelp-check validate ./*.page) || fail "$lang: translated pages do not validate"
  out=$(cd "$tmp/$lang" && yelp-check links ./*.page) || fail "$lang: broken links: $out"
done

exit $status
