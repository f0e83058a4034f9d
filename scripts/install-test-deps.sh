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
# OCR of scanned and faxed orders: Tesseract, its orientation and script data (osd: a fax received
# sideways is turned, and the script chooses the model), English, Chinese (simplified, traditional),
# Japanese (the script's model, and jpn), the Latin-script languages of European buyers (umlauts and
# accents: "Stück", "März", "février") and the whole Latin script for the others (Czech, Turkish...).
ocr_langs=(eng osd chi_sim chi_tra Japanese jpn deu fra spa ita pol por nld swe Latin)
ocr_package() {
    case "$1" in
        Japanese) echo tesseract-ocr-script-jpan ;;
        Latin) echo tesseract-ocr-script-latn ;;
        *) echo "tesseract-ocr-${1//_/-}" ;;
    esac
}
command -v tesseract >/dev/null 2>&1 || need+=(tesseract-ocr)
langs=$(tesseract --list-langs 2>/dev/null || true)
for lang in "${ocr_langs[@]}"; do
    grep -qx "$lang" <<<"$langs" || need+=("$(ocr_package "$lang")")
done

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
