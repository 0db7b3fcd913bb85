#!/bin/sh
# check-potfiles.sh SRCDIR: the translations are complete.
#
# Fails when
#  - po/POTFILES.in lists a file that does not exist;
#  - a file under src/, ui/ or data/ has translatable strings but is not
#    listed in po/POTFILES.in, so they would never reach translators;
#  - po/LINGUAS and the po/*.po files disagree;
#  - a message of a freshly extracted template has no translation, or only
#    a fuzzy one, in one of the catalogues.
#
# After adding strings: meson compile -C BUILDDIR entente-update-po, then
# translate what msgcmp reports below.
set -u

src=${1:?usage: check-potfiles.sh SRCDIR}
cd "$src" || exit 1

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM

# The keywords of meson's "glib" gettext preset, which builds the template.
keywords="--keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3"
status=0

sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' po/POTFILES.in > "$tmp/listed"

: > "$tmp/existing"
while read -r file; do
  if [ -f "$file" ]; then
    echo "$file" >> "$tmp/existing"
  else
    echo "po/POTFILES.in lists $file, which does not exist"
    status=1
  fi
done < "$tmp/listed"

find src ui data -type f \( -name '*.c' -o -name '*.h' -o -name '*.ui' \
  -o -name '*.in' -o -name '*.gschema.xml' \) | LC_ALL=C sort > "$tmp/candidates"
while read -r file; do
  grep -qxF "$file" "$tmp/listed" && continue
  rm -f "$tmp/one.pot"
  # xgettext writes no file when it finds no message.
  # shellcheck disable=SC2086
  if ! xgettext --from-code=UTF-8 $keywords -o "$tmp/one.pot" "$file" 2> "$tmp/err"; then
    echo "xgettext cannot read $file:"
    cat "$tmp/err"
    status=1
  elif [ -f "$tmp/one.pot" ]; then
    echo "$file has translatable strings but is not listed in po/POTFILES.in:"
    grep '^msgid ' "$tmp/one.pot" | sed -e '/^msgid ""$/d' -e 's/^/  /' | head -n 5
    status=1
  fi
done < "$tmp/candidates"

# shellcheck disable=SC2086
if ! xgettext --from-code=UTF-8 $keywords --files-from="$tmp/existing" \
    -o "$tmp/fresh.pot" 2> "$tmp/err"; then
  cat "$tmp/err"
  exit 1
fi

sed -e 's/#.*//' -e 's/[[:space:]]//g' -e '/^$/d' po/LINGUAS > "$tmp/linguas"
if [ ! -s "$tmp/linguas" ]; then
  echo "po/LINGUAS names no language"
  status=1
fi
for po in po/*.po; do
  [ -f "$po" ] || continue
  lang=$(basename "$po" .po)
  if ! grep -qxF "$lang" "$tmp/linguas"; then
    echo "$po is not listed in po/LINGUAS"
    status=1
  fi
done
while read -r lang; do
  po=po/$lang.po
  if [ ! -f "$po" ]; then
    echo "po/LINGUAS names $lang but $po does not exist"
    status=1
    continue
  fi
  # msgcmp counts untranslated and fuzzy entries as missing.
  if ! msgcmp "$po" "$tmp/fresh.pot" 2> "$tmp/err"; then
    echo "$po lacks translations of the current template:"
    cat "$tmp/err"
    status=1
  fi
done < "$tmp/linguas"

[ "$status" -eq 0 ] && echo "every translatable file is in po/POTFILES.in; $(tr '\n' ' ' < "$tmp/linguas")are complete"
exit "$status"
