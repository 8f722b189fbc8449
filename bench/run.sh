#!/usr/bin/env bash
# Kalinga's benchmark: installs wrk and chromium (Debian) if missing, starts PostgreSQL when asked for, then runs
#   dotnet run -c Release --project bench/Kalinga.Bench -- [--engine sqlite|postgres|both] [--tickets N] [--smoke] [--out FILE]
# Examples:
#   bench/run.sh --smoke                                  2,000 tickets, 3-second scenarios, SQLite, no report file
#   bench/run.sh --engine both --tickets 1000000          the full run; writes docs/performance.md
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

if ! command -v wrk >/dev/null; then
  [[ $EUID -eq 0 ]] || { echo "bench: wrk is missing; install it with: sudo apt-get install -y wrk" >&2; exit 1; }
  echo "bench: installing wrk"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null 2>&1 ||
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
fi

# The ticketpage scenario drives Debian's Chromium; test-services installs it (it needs root for apt-get).
only=$(printf '%s\n' "$@" | sed -n '/^--only$/{n;p;}')
if [[ " $* " != *" --prepare "* ]] && [[ -z $only || ,$only, == *,ticketpage,* ]] && [[ ! -x ${KALINGA_TEST_CHROMIUM:-/usr/bin/chromium} ]]; then
  echo "bench: installing chromium for the ticketpage scenario"
  scripts/test-services.sh start chromium >/dev/null
fi

# PostgreSQL comes from the test services (a throwaway cluster on 127.0.0.1:55432) unless a server is given.
if [[ " $* " == *" postgres "* || " $* " == *" both "* ]] && [[ -z ${KALINGA_BENCH_POSTGRES:-} && " $* " != *" --postgres "* ]]; then
  scripts/test-services.sh start postgres >/dev/null
  eval "$(scripts/test-services.sh env)"
fi

exec dotnet run -c Release --project bench/Kalinga.Bench -- "$@"
