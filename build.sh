#!/usr/bin/env bash
# The two commands: `./build.sh demo` runs the main job on local defaults; `./build.sh test` runs every test.
# `./build.sh serve` starts what a person opens in a browser (board, workbench, reports) on local defaults.
# `./build.sh mutate` runs mutation testing on Core and on the channels' parsers (not part of `test`: it takes about
# an hour).
# Both install what is missing, start the servers they need on free loopback ports, and stop them on exit.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

source scripts/servers.sh
trap stop_servers EXIT

need() {
  command -v "$1" >/dev/null 2>&1 || { echo "build.sh: '$1' is required ($2)" >&2; exit 1; }
}

install_node_tools() {
  need node "Node.js 20 or later"
  need npm "npm, shipped with Node.js"
  if [ ! -x node_modules/.bin/azurite ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "build.sh: npm ci"
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

build() {
  need dotnet ".NET 10 SDK"
  dotnet restore CsFunctions.sln --verbosity quiet
  dotnet build CsFunctions.sln --configuration Release --no-restore --verbosity quiet -nologo
}

# infra/main.bicep through the Bicep CLI restored from NuGet (the Infra test project downloads it): any error or
# warning fails the run.
check_infra() {
  local version root bicep report
  version=$(sed -n 's:.*<BicepVersion>\(.*\)</BicepVersion>.*:\1:p' tests/SlaWatch.Infra.Tests/SlaWatch.Infra.Tests.csproj)
  root=$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')
  bicep="${root%/}/azure.bicep.commandline.linux-x64/$version/tools/bicep"
  [ -f "$bicep" ] || { echo "build.sh: the Bicep CLI $version was not restored ($bicep)" >&2; exit 1; }
  chmod +x "$bicep"
  echo "build.sh: bicep $version build and lint infra/main.bicep"
  mkdir -p .build/infra
  report=$("$bicep" build infra/main.bicep --outfile .build/infra/main.json 2>&1 && "$bicep" lint infra/main.bicep 2>&1) || { echo "$report" >&2; exit 1; }
  if [ -n "$report" ]; then
    echo "$report" >&2
    echo "build.sh: bicep reported the warnings above" >&2
    exit 1
  fi
}

# Layout by CSharpier at the .editorconfig's 120 columns (what no analyzer checks: a line too long fails here, and a
# string or comment CSharpier cannot break fails the repository test); code style and analyzers by dotnet format.
# dotnet format's whitespace pass is left out: it and CSharpier disagree on a few spaces.
check_format() {
  echo "build.sh: checking formatting (CSharpier; dotnet format style and analyzers)"
  dotnet tool restore >/dev/null
  dotnet csharpier check src tests bench
  dotnet format style CsFunctions.sln --verify-no-changes --no-restore --verbosity quiet
  dotnet format analyzers CsFunctions.sln --verify-no-changes --no-restore --verbosity quiet
}

# Sums the TRX counters of every test project into the one line CI reads.
summarize_tests() {
  local passed=0 failed=0 skipped=0 file
  for file in "$1"/*.trx; do
    [ -e "$file" ] || continue
    local counters
    counters=$(grep -o '<Counters [^>]*>' "$file" | head -n 1)
    local p f t e
    p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
    f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
    t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters")
    e=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")
    passed=$((passed + ${p:-0}))
    failed=$((failed + ${f:-0}))
    skipped=$((skipped + ${t:-0} - ${e:-0}))
    # A run whose host crashed (a stack overflow) counts only the tests it finished, all passed: it is a failure.
    if ! grep -q '<ResultSummary outcome="Completed"' "$file" && [ "${f:-0}" -eq 0 ]; then
      echo "build.sh: $(basename "$file" .trx) did not complete (its test host crashed or was stopped)" >&2
      failed=$((failed + 1))
    fi
  done
  TEST_FAILED=$failed
  TEST_SKIPPED=$skipped
  if [ "$skipped" -gt 0 ]; then
    echo "$passed passed, $failed failed, $skipped skipped"
  else
    echo "$passed passed, $failed failed"
  fi
}

run_tests() {
  install_node_tools
  install_mail_servers
  install_browser
  build
  check_format
  check_infra
  start_azurite
  start_mail_servers
  local results=.build/test-results
  rm -rf "$results"
  local status=0 project name
  for project in tests/*/*.Tests.csproj; do
    name=$(basename "$project" .csproj)
    dotnet test "$project" --configuration Release --no-build --verbosity quiet \
      --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" --results-directory "$results" || status=$?
  done
  # Output never depends on the server's culture or zone: Core's tests once more under German number formats, on a
  # server clock in Shanghai.
  LC_ALL=de_DE.UTF-8 LANG=de_DE.UTF-8 TZ=Asia/Shanghai dotnet test tests/SlaWatch.Core.Tests/SlaWatch.Core.Tests.csproj \
    --configuration Release --no-build --verbosity quiet --logger "trx;LogFileName=SlaWatch.Core.Tests.de-DE.trx" \
    --logger "console;verbosity=minimal" --results-directory "$results" || status=$?
  stop_servers
  summarize_tests "$results"
  if [ "$status" -ne 0 ] || [ "$TEST_FAILED" -ne 0 ]; then
    exit 1
  fi
  # Under CI nothing may pass by not running: a skipped test is a failure there.
  if [ "${CI:-}" = "true" ] && [ "$TEST_SKIPPED" -ne 0 ]; then
    echo "build.sh: $TEST_SKIPPED tests were skipped; under CI every test must run" >&2
    exit 1
  fi
}

# Stryker.NET (pinned in .config/dotnet-tools.json) on SlaWatch.Core with its own tests: HTML and JSON reports under
# .build/mutation/core, then the score over every mutant that compiles, in all and per folder.
run_mutation() {
  install_node_tools
  need dotnet ".NET 10 SDK"
  dotnet tool restore
  # Core with its own tests; then the channels' parsers with every Channels test but the mailbox's and the
  # notifier's (they restart Dovecot and wait on HTTP), on one Azurite started here for the whole run.
  start_azurite
  local project source output
  for project in core:SlaWatch.Core channels:SlaWatch.Channels; do
    source="${project#*:}"
    output="$PWD/.build/mutation/${project%%:*}"
    rm -rf "$output"
    (cd "tests/$source.Tests" && dotnet dotnet-stryker --output "$output")
    echo "== $source"
    node scripts/mutation-score.mjs "$output/reports/mutation-report.json" "$PWD/src/$source"
    echo "HTML report: $output/reports/mutation-report.html"
  done
}

# What a person opens in a browser, on local defaults: `slawatch serve` (board, workbench, reports, development
# sign-in) on a free loopback port over Azurite, which gets a demo backlog when empty. Ctrl-C stops both.
run_serve() {
  install_node_tools
  need dotnet ".NET 10 SDK"
  dotnet build src/SlaWatch.Cli/SlaWatch.Cli.csproj --configuration Release --verbosity quiet -nologo
  start_azurite
  local port
  port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
  dotnet src/SlaWatch.Cli/bin/Release/net10.0/slawatch.dll serve --urls "http://127.0.0.1:$port" \
    --policy config/sla-policy.json --rules config/classification.json --dev-users config/dev-users.json
}

# The main job on local defaults: a week of generated contacts replayed through the services on Azurite (in memory),
# the weekly report against the targets, the alerts raised, and the HTML report.
run_demo() {
  install_node_tools
  need dotnet ".NET 10 SDK"
  dotnet build src/SlaWatch.Cli/SlaWatch.Cli.csproj --configuration Release --verbosity quiet -nologo
  start_azurite
  local demo=.build/demo slawatch=src/SlaWatch.Cli/bin/Release/net10.0/slawatch.dll monday
  rm -rf "$demo"
  # Last full week, Monday to Sunday.
  monday=$(date -u -d "$(date -u +%F) -$(( $(date -u +%u) + 6 )) days" +%F)
  dotnet "$slawatch" generate --days 7 --tickets-per-day 430 --seed 1 --start "$monday" --out "$demo/input" --policy config/sla-policy.json
  dotnet "$slawatch" replay "$demo/input" --out "$demo/report" --policy config/sla-policy.json --rules config/classification.json
  echo
  echo "HTML report: $(cd "$demo/report" && ls "$PWD"/weekly-*.html | head -n 1)"
}

case "${1:-}" in
  test) run_tests ;;
  demo) run_demo ;;
  serve) run_serve ;;
  mutate) run_mutation ;;
  *)
    echo "usage: ./build.sh demo | test | serve | mutate" >&2
    exit 2
    ;;
esac
