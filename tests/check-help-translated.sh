#!/bin/sh
# check-help-translated.sh ENTENTE LANGUAGE TEXT…
#
# Runs ENTENTE --help and ENTENTE --check with no display under LANGUAGE
# and fails unless the help shows every TEXT (translations of option
# descriptions) and --check reports in that language.
set -u

entente=${1:?usage: check-help-translated.sh ENTENTE LANGUAGE TEXT…}
language=${2:?usage: check-help-translated.sh ENTENTE LANGUAGE TEXT…}
shift 2
status=0

run() {
  env -u DISPLAY -u WAYLAND_DISPLAY LANGUAGE="$language" "$entente" "$@"
}

if ! help=$(run --help); then
  echo "entente --help failed"
  exit 1
fi
printf '%s\n' "$help"
for text in "$@"; do
  case $help in
    *"$text"*) ;;
    *) echo "not in the help under LANGUAGE=$language: $text"; status=1 ;;
  esac
done
# The English text of the --check option must be gone.
case $help in
  *"Validate dataset files"*) echo "the --check description is still in English"; status=1 ;;
esac

if ! check=$(run --check); then
  echo "entente --check failed"
  exit 1
fi
printf '%s\n' "$check"
case $check in
  *": ok ("*) echo "the --check report is still in English"; status=1 ;;
esac
exit "$status"
