#!/usr/bin/env bash
# ParoleOnco end-to-end test: the referral journey played through the Microsoft 365 Agents Playground's
# web UI in headless Chromium, one Playground instance per role, against the built bot and a fresh SQLite
# database. Loopback only. See README.md beside this file.
#
#   bash tests/e2e/run.sh            (from anywhere; .ci/run calls it from the repo root)
#
# Knobs (environment):
#   CHROMIUM              browser binary (default /usr/bin/chromium; Debian package `chromium`)
#   E2E_RESULTS           results folder (default tests/e2e/results/<timestamp>); screenshots, logs
#   E2E_TIMEOUT           seconds the browser driver may take in all (default 240)
#   E2E_PLAYGROUND_TOOLS  folder of start.sh/stop.sh/loopback-guard.cjs (default ../shared/tools/playground)
#   E2E_KEEP_RESULTS      how many result folders to keep under tests/e2e/results (default 5)
#
# Always stops what it started (trap on EXIT/INT/TERM, by PID), exits non-zero on any failure.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
TOOLS=${E2E_PLAYGROUND_TOOLS:-$REPO/../shared/tools/playground}
export CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
T0=$SECONDS
SUMMARY_SHOWN=0 RESULTS=""

say() { echo "e2e: $*"; }
die() {  # a failure before the browser driver ran: still print the closing line CI reads
  echo "e2e: FAILED: $*" >&2
  echo "e2e: 0 passed, 1 failed"
  SUMMARY_SHOWN=1
  exit 1
}

# ------------------------------------------------------------------ prerequisites
[ -f "$TOOLS/start.sh" ] && [ -f "$TOOLS/stop.sh" ] && [ -f "$TOOLS/loopback-guard.cjs" ] \
  || die "playground tools not found in $TOOLS (set E2E_PLAYGROUND_TOOLS)"
TOOLS=$(cd "$TOOLS" && pwd)
[ -x "$CHROMIUM" ] || die "no browser at $CHROMIUM: apt-get install chromium, or set CHROMIUM"
command -v node >/dev/null || die "node not found"
command -v dotnet >/dev/null || die "dotnet not found"

# npm packages: only when missing or when the lock file changed since the last install.
if [ ! -f "$HERE/node_modules/.package-lock.json" ] || [ "$HERE/package-lock.json" -nt "$HERE/node_modules/.package-lock.json" ]; then
  say "npm ci"
  (cd "$HERE" && npm ci --no-audit --no-fund --loglevel=error) || die "npm ci failed in $HERE"
fi
PGCLI=$HERE/node_modules/@microsoft/m365agentsplayground/cli.js
[ -f "$PGCLI" ] || die "$PGCLI missing after npm ci"
export PGCLI

# The bot: built once, rebuilt only when a source of bot/, cards/ or the build settings is newer than the built dll.
BOT_DLL=$REPO/bot/bin/Debug/net10.0/ParoleOnco.Bot.dll
newer_source() {
  find "$REPO/bot" "$REPO/cards" "$REPO/build" "$REPO/Directory.Build.props" "$REPO/Directory.Packages.props" \( -name bin -o -name obj \) -prune -o \
    -type f \( -name '*.cs' -o -name '*.csproj' -o -name '*.resx' -o -name '*.json' -o -name '*.props' -o -name '*.targets' \) \
    -newer "$BOT_DLL" -print 2>/dev/null | head -n 1
}
if [ ! -f "$BOT_DLL" ] || [ -n "$(newer_source)" ]; then
  say "dotnet build bot"
  (cd "$REPO" && MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 \
     dotnet build bot -p:UseSharedCompilation=false -nologo -clp:ErrorsOnly) || die "dotnet build bot failed"
fi
[ -f "$BOT_DLL" ] || die "$BOT_DLL missing after the build"

# ------------------------------------------------------------------ results folder
if [ -n "${E2E_RESULTS:-}" ]; then
  RESULTS=$E2E_RESULTS
else
  mkdir -p "$HERE/results"
  # keep the last few runs only
  old=( "$HERE"/results/*/ )
  keep=$(( ${E2E_KEEP_RESULTS:-5} - 1 ))
  if [ -d "${old[0]}" ] && [ ${#old[@]} -gt "$keep" ]; then rm -rf "${old[@]:0:${#old[@]}-keep}"; fi
  RESULTS=$HERE/results/$(date +%Y%m%d-%H%M%S)
fi
mkdir -p "$RESULTS"
RESULTS=$(cd "$RESULTS" && pwd)
say "results in $RESULTS"

# ------------------------------------------------------------------ cleanup (always, by PID)
BOT_PID="" DRIVER_PID="" PG_DIRS=()
CLEANED=0
cleanup() {
  [ "$CLEANED" = 1 ] && return 0
  CLEANED=1
  if [ -n "$DRIVER_PID" ] && kill -0 "$DRIVER_PID" 2>/dev/null; then
    kill -TERM "$DRIVER_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$DRIVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$DRIVER_PID" 2>/dev/null || true
  fi
  [ ${#PG_DIRS[@]} -gt 0 ] && bash "$TOOLS/stop.sh" "${PG_DIRS[@]}" >/dev/null 2>&1 || true
  if [ -n "$BOT_PID" ] && kill -0 "$BOT_PID" 2>/dev/null; then
    kill -TERM "$BOT_PID" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$BOT_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$BOT_PID" 2>/dev/null || true
  fi
  wait 2>/dev/null || true
}
on_exit() {
  local rc=$?
  set +e
  cleanup
  if [ "$SUMMARY_SHOWN" = 0 ] && [ "$rc" != 0 ]; then  # stopped by a signal or an unexpected error
    echo "e2e: FAILED: stopped (exit $rc) before the end; results in ${RESULTS:-nowhere yet}" >&2
    local passed=""
    [ -n "${RESULTS:-}" ] && passed=$(sed -n 's/^e2e: \([0-9]*\) passed.*/\1/p' "$RESULTS/summary.txt" 2>/dev/null)
    echo "e2e: ${passed:-0} passed, 1 failed"
  fi
  exit "$rc"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Free loopback TCP ports, asked from the OS (another bot or playground may hold 3978/56150 on this machine).
read -r BOT_PORT COORD_PORT AP_PORT CLIN_PORT < <(node -e '
  const net = require("net"); const ports = []; const servers = [];
  (async () => { for (let i = 0; i < 4; i++) { const s = net.createServer(); servers.push(s);
      await new Promise((r) => s.listen(0, "127.0.0.1", r)); ports.push(s.address().port); }
    servers.forEach((s) => s.close()); console.log(ports.join(" ")); })();') || die "could not find free ports"

# ------------------------------------------------------------------ the bot, fresh database
DB=$RESULTS/paroleonco-e2e.db
rm -f "$DB" "$DB-wal" "$DB-shm"
say "starting the bot on 127.0.0.1:$BOT_PORT (database $DB)"
(
  cd "$REPO/bot"
  export ASPNETCORE_URLS=http://127.0.0.1:$BOT_PORT
  export ASPNETCORE_CONTENTROOT=$REPO/bot
  export ConnectionStrings__ParoleOnco="Data Source=$DB"
  export Database__Provider=Sqlite
  export ParoleOnco__Admins__0=aaaaaaaa-0000-0000-0000-000000000001   # Claire Gagnon, configs/coordinator.yml
  export MicrosoftAppId="" MicrosoftAppPassword="" MicrosoftAppTenantId=""  # anonymous: loopback only, no token calls
  export ASPNETCORE_ENVIRONMENT=Development  # the only environment that starts without an app id
  exec dotnet "$BOT_DLL"
) >"$RESULTS/bot.log" 2>&1 &
BOT_PID=$!
BOT_T0=$SECONDS
until node -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' \
        "http://127.0.0.1:$BOT_PORT/healthz" 2>/dev/null; do
  kill -0 "$BOT_PID" 2>/dev/null || { tail -n 30 "$RESULTS/bot.log" >&2; die "the bot exited at startup (see $RESULTS/bot.log)"; }
  [ $((SECONDS - BOT_T0)) -lt 90 ] || { tail -n 30 "$RESULTS/bot.log" >&2; die "the bot did not answer /healthz within 90 s"; }
  sleep 0.5
done
say "bot healthy (pid $BOT_PID) after $((SECONDS - BOT_T0)) s"

# ------------------------------------------------------------------ one playground per role
declare -A URL
for spec in coordinator:$COORD_PORT ap:$AP_PORT clinician:$CLIN_PORT; do
  role=${spec%%:*} port=${spec##*:} dir=$RESULTS/pg-${spec%%:*}
  mkdir -p "$dir"
  cp "$HERE/configs/$role.yml" "$dir/.m365agentsplayground.yml"
  PG_DIRS+=("$dir")
  bash "$TOOLS/start.sh" "$port" "$dir" "http://127.0.0.1:$BOT_PORT/api/messages" >"$dir/start.out" 2>&1 \
    || { cat "$dir/start.out" >&2; die "playground for $role did not start (see $dir/devTools/m365agentsplayground.log)"; }
  actual=$(sed -n 's/^Listening on //p' "$dir/pg.out" | head -n 1)
  URL[$role]=http://127.0.0.1:$actual
  say "playground $role: ${URL[$role]} (pid $(cat "$dir/pg.pid"))"
done

# ------------------------------------------------------------------ the browser driver
export E2E_RESULTS_DIR=$RESULTS E2E_BOT_LOG=$RESULTS/bot.log E2E_REPO=$REPO
export COORD_URL=${URL[coordinator]} AP_URL=${URL[ap]} CLIN_URL=${URL[clinician]} E2E_SUMMARY_BY_RUNNER=1
say "driving the three UIs with $CHROMIUM"
set +e
timeout --kill-after=15 "${E2E_TIMEOUT:-240}" node --require "$TOOLS/loopback-guard.cjs" "$HERE/e2e.mjs" &
DRIVER_PID=$!
wait "$DRIVER_PID"
rc=$?
DRIVER_PID=""
set -e
SUMMARY=$(cat "$RESULTS/summary.txt" 2>/dev/null || true)
if [ "$rc" = 124 ] || [ "$rc" = 137 ]; then
  echo "e2e: FAILED: the driver was stopped after ${E2E_TIMEOUT:-240} s" >&2
  SUMMARY="e2e: 0 passed, 1 failed"
fi
[ -n "$SUMMARY" ] || { SUMMARY="e2e: 0 passed, 1 failed"; [ "$rc" = 0 ] && rc=1; }

# Anything a Node process of ours tried to reach outside loopback is a failure too.
if grep -h 'loopback-guard\] BLOCKED' "$RESULTS"/pg-*/pg.err 2>/dev/null | sort -u | grep .; then
  echo "e2e: FAILED: a playground tried to reach a non-loopback host (above)" >&2
  [ "$rc" = 0 ] && { SUMMARY="e2e: $(sed -n 's/^e2e: \([0-9]*\) passed.*/\1/p' <<<"$SUMMARY") passed, 1 failed"; rc=1; }
fi

cleanup
say "done in $((SECONDS - T0)) s; results in $RESULTS"
echo "$SUMMARY"
SUMMARY_SHOWN=1
exit "$rc"
