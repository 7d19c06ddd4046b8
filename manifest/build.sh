#!/usr/bin/env bash
# Builds the Teams app package: manifest/build/package/ (filled files, for the validator) and
# manifest/build/appPackage.zip (those files at the zip root, for upload to Teams).
#
# Needs: bash 4+, coreutils, and either `zip` or `python3` (its zipfile module). Nothing else.
#
# Environment (defaults are placeholders for local builds, never for a real tenant):
#   BOT_ID       Entra app id of the Azure Bot (bots[0].botId, webApplicationInfo.id).
#                Falls back to MicrosoftAppId, the bot's own configuration key, then to
#                00000000-0000-4000-8000-000000000001.
#   APP_ID       Teams app id (manifest "id"). Default: BOT_ID.
#   BOT_DOMAIN   Host name of the bot, no scheme or path (validDomains, developer URLs,
#                webApplicationInfo.resource). Default: paroleonco.example.org.
#   APP_VERSION  Package version, semver; raise it for every upload to a tenant. Default: 1.0.0.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$here/build"
pkg="$out/package"

PLACEHOLDER_ID=00000000-0000-4000-8000-000000000001
BOT_ID="${BOT_ID:-${MicrosoftAppId:-$PLACEHOLDER_ID}}"
APP_ID="${APP_ID:-$BOT_ID}"
BOT_DOMAIN="${BOT_DOMAIN:-paroleonco.example.org}"
APP_VERSION="${APP_VERSION:-1.0.0}"

fail() { echo "build.sh: $*" >&2; exit 1; }
guid='^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$'
[[ $BOT_ID =~ $guid ]] || fail "BOT_ID (or MicrosoftAppId) must be a GUID, got '$BOT_ID'"
[[ $APP_ID =~ $guid ]] || fail "APP_ID must be a GUID, got '$APP_ID'"
[[ $BOT_DOMAIN =~ ^([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$ ]] \
  || fail "BOT_DOMAIN must be a bare host name like bot.example.org (no https://, port or path), got '$BOT_DOMAIN'"
[[ $APP_VERSION =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || fail "APP_VERSION must look like 1.2.3, got '$APP_VERSION'"
[[ $BOT_ID == "$PLACEHOLDER_ID" ]] && echo "build.sh: note: BOT_ID not set, using the placeholder $PLACEHOLDER_ID (local use only)" >&2

# Replaces ${{NAME}} tokens; the values were checked above, so plain text substitution is safe.
fill() {
  local text
  text="$(<"$1")"
  text="${text//'${{BOT_ID}}'/$BOT_ID}"
  text="${text//'${{APP_ID}}'/$APP_ID}"
  text="${text//'${{BOT_DOMAIN}}'/$BOT_DOMAIN}"
  text="${text//'${{APP_VERSION}}'/$APP_VERSION}"
  [[ $text != *'${{'* ]] || fail "$1 still has an unknown \${{...}} token after filling"
  printf '%s\n' "$text" >"$2"
}

rm -rf "$pkg" "$out/appPackage.zip"
mkdir -p "$pkg"
fill "$here/manifest.json" "$pkg/manifest.json"
fill "$here/fr-CA.json" "$pkg/fr-CA.json"
# Teams layers strings: default (en), then the user's language, then language-region. fr.json
# serves French users whose Teams is not set to fr-CA (fr-FR, fr-BE...); fr-CA.json is the source.
cp "$pkg/fr-CA.json" "$pkg/fr.json"
cp "$here/color.png" "$here/outline.png" "$pkg/"

files=(manifest.json fr-CA.json fr.json color.png outline.png)
TZ=UTC touch -d '2020-01-01 00:00:00' "${files[@]/#/$pkg/}" # same bytes for the same inputs
if command -v zip >/dev/null; then
  (cd "$pkg" && TZ=UTC zip -q -X -D "$out/appPackage.zip" "${files[@]}")
elif command -v python3 >/dev/null; then
  python3 - "$pkg" "$out/appPackage.zip" "${files[@]}" <<'PY'
import sys, zipfile
pkg, dest, names = sys.argv[1], sys.argv[2], sys.argv[3:]
with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as z:
    for name in names:
        info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
        info.compress_type, info.external_attr = zipfile.ZIP_DEFLATED, 0o644 << 16
        with open(f"{pkg}/{name}", "rb") as f:
            z.writestr(info, f.read())
PY
else
  fail "needs 'zip' or 'python3' to write the package"
fi
echo "build.sh: wrote $out/appPackage.zip (app $APP_ID, bot $BOT_ID, https://$BOT_DOMAIN, version $APP_VERSION)"
