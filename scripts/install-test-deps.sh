#!/usr/bin/env bash
# Installs the Debian packages the tests need, when they are missing.
# As root it runs apt-get; otherwise it prints exactly what to install and fails in CI.
set -euo pipefail

need=()
command -v dovecot  >/dev/null 2>&1 || need+=(dovecot-imapd)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
command -v soffice  >/dev/null 2>&1 || need+=(libreoffice-writer-nogui libreoffice-calc-nogui)
# calc-nogui is a separate package: without it xlsx conversion fails silently.
[ -e /usr/lib/libreoffice/program/scalc ] || [ -e /usr/lib/libreoffice/program/libsclo.so ] \
    || need+=(libreoffice-calc-nogui)
# LibreOffice driven through UNO (one running LibreOffice for many documents): the bridge exists
# for Debian's own Python only, which mailflow starts as a small converter program.
/usr/bin/python3 -c 'import uno' >/dev/null 2>&1 || need+=(python3-uno)
fc-list 2>/dev/null | grep -qiE 'wenquanyi|noto (sans|serif) cjk' || need+=(fonts-wqy-zenhei)
# OCR of scanned and faxed orders: Tesseract with English and Chinese (simplified, traditional),
# and its orientation data (osd: a fax received sideways or upside down is turned before reading)
command -v tesseract >/dev/null 2>&1 || need+=(tesseract-ocr tesseract-ocr-eng tesseract-ocr-chi-sim tesseract-ocr-chi-tra tesseract-ocr-osd)
if command -v tesseract >/dev/null 2>&1; then
    langs=$(tesseract --list-langs 2>/dev/null || true)
    for lang in eng chi_sim chi_tra osd; do
        grep -qx "$lang" <<<"$langs" || need+=("tesseract-ocr-${lang//_/-}")
    done
fi

if [ ${#need[@]} -eq 0 ]; then
    exit 0
fi
# de-duplicate
mapfile -t need < <(printf '%s\n' "${need[@]}" | sort -u)

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing test packages: ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
else
    echo "The tests need these Debian packages; install them with:"
    echo "    sudo apt-get install --no-install-recommends ${need[*]}"
    if [ "${CI:-}" = "true" ]; then exit 1; fi
fi
