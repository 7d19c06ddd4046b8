#!/usr/bin/env bash
# Builds the package (build.sh, same environment variables) and checks it offline with the shared
# validator, then checks the localization files. Exit 0 only when there is no finding at all:
# errors and warnings both fail.
#
# Needs: what build.sh needs, Node 20+, and the teams-checks packages installed once:
#   mkdir -p /tmp/teams-checks && cp ../shared/tools/teams-checks/package*.json /tmp/teams-checks/
#   (cd /tmp/teams-checks && npm ci)
# Environment:
#   TEAMS_CHECKS_NODE_MODULES  that node_modules folder. Default: /tmp/teams-checks/node_modules.
#   SHARED_DIR                 the shared/ folder. Default: ../shared next to the repository root.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
shared="${SHARED_DIR:-$repo/../shared}"
modules="${TEAMS_CHECKS_NODE_MODULES:-/tmp/teams-checks/node_modules}"
validator="$shared/tools/teams-checks/validate-manifest.mjs"

[[ -f $validator ]] || { echo "validate.sh: $validator not found (set SHARED_DIR)" >&2; exit 2; }
[[ -d $modules/@microsoft/app-manifest ]] || {
  echo "validate.sh: no teams-checks packages in $modules; install them (see the top of this script) or set TEAMS_CHECKS_NODE_MODULES" >&2
  exit 2
}
modules="$(cd "$modules" && pwd)"

bash "$here/build.sh"

# validate-manifest.mjs is an ES module: its imports ignore NODE_PATH and resolve from the
# script's own folder, where shared/ has no node_modules. Run a copy next to a link instead.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$validator" "$work/"
ln -s "$modules" "$work/node_modules"

status=0
report="$(NODE_PATH="$modules" node "$work/validate-manifest.mjs" "$here/build/package")" || status=1
echo "$report"
if grep -q "warning:" <<<"$report"; then status=1; fi
NODE_PATH="$modules" node "$here/check-localization.cjs" "$here/build/package" || status=1

if ((status)); then echo "validate.sh: findings above" >&2; else echo "validate.sh: no findings"; fi
exit "$status"
