#!/usr/bin/env bash
# Every "%n" text of the sources has its English singular and plural in translations/smsdesk_en.ts:
# lupdate (-pluralonly) over the sources into a copy of the catalogue must add nothing unfinished.
# A new "%n file(s)" text fails here until the catalogue gets its forms
# (`cmake --build BUILD --target update_translations`, then fill in the two <numerusform>s).
#   TestPluralCatalogue.sh LUPDATE SOURCE_DIR
set -euo pipefail
lupdate="$1"
source_dir="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$source_dir/translations/smsdesk_en.ts" "$work/smsdesk_en.ts"
(cd "$source_dir" && "$lupdate" -silent -pluralonly -no-obsolete -locations none \
    -I src/core -I src/app -I src/gui src/core src/app src/gui src/main.cpp ui \
    -ts "$work/smsdesk_en.ts" 2>"$work/lupdate.log") || { cat "$work/lupdate.log" >&2; exit 2; }
if grep -q 'type="unfinished"' "$work/smsdesk_en.ts"; then
    echo "translations/smsdesk_en.ts lacks the English forms of:" >&2
    grep -B2 'type="unfinished"' "$work/smsdesk_en.ts" | grep '<source>' >&2
    exit 1
fi
echo "every plural text has its English forms"
