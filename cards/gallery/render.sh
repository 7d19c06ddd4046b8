#!/usr/bin/env bash
# Renders the main cards, in French, to PNG with the official Adaptive Cards renderer and the Teams host
# config (../shared/tools/teams-checks/render-card.mjs), for the README. Needs node, npm and Debian's chromium.
#
#   cards/gallery/render.sh            # from the repository root
#
# The cards are the ones the card tests write (every card, every state, both languages), so the gallery
# always shows what the code builds today.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
checks=$(cd "$repo/../shared/tools/teams-checks" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# render-card.mjs resolves its packages next to itself: run a copy beside its node_modules.
cp -R "$checks/." "$work/checks"
chmod -R u+w "$work/checks"
(cd "$work/checks" && npm ci --no-audit --no-fund --loglevel=error)

PAROLEONCO_CARDS_OUT="$work/cards" TEAMS_CHECKS_NODE_MODULES="$work/checks/node_modules" \
  dotnet test "$repo/tests/ParoleOnco.Tests" --filter "FullyQualifiedName~CardValidationTests" --nologo -v q >/dev/null

for card in referral-form referral-form-errors referral-status-accepted coordinators-pending coordinators-matched \
            assignment-offered ap-registration ap-approval-pending help-clinician logbook-form escalation-alert file-sheet; do
  node "$work/checks/render-card.mjs" "$work/cards/$card.fr-CA.json" "$repo/cards/gallery/$card.png" --width 480 --scale 1
done
echo "gallery: $(ls "$repo/cards/gallery"/*.png | wc -l) cards rendered in cards/gallery/"
