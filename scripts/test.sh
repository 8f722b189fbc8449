#!/usr/bin/env bash
# The test command: starts the loopback services, builds once, runs the whole suite on each database engine
# and ends with one line "N passed, N failed" (", N skipped" when some were), counted from the .trx files.
#
#   scripts/test.sh [sqlite|postgres|all]      (default all)
#
# KALINGA_SOLUTION (default Kalinga.slnx) and KALINGA_TEST_RESULTS (default artifacts/test-results) override
# what is tested and where the .trx files go. Extra arguments after the engine go to every `dotnet test`,
# e.g. scripts/test.sh sqlite --filter "FullyQualifiedName~Tickets".
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

SOLUTION=${KALINGA_SOLUTION:-Kalinga.slnx}
RESULTS=$(realpath -m "${KALINGA_TEST_RESULTS:-artifacts/test-results}")
export DOTNET_NOLOGO=${DOTNET_NOLOGO:-1} DOTNET_CLI_TELEMETRY_OPTOUT=${DOTNET_CLI_TELEMETRY_OPTOUT:-1}

case ${1:-all} in
  sqlite | postgres) engines=("${1}") ;;
  all) engines=(sqlite postgres) ;;
  *)
    echo "usage: scripts/test.sh [sqlite|postgres|all] [dotnet test options...]" >&2
    exit 2
    ;;
esac
(($# == 0)) || shift
extra=("$@")

total_passed=0 total_failed=0 total_skipped=0 total_executed=0 broken=0 results_lines=()

summary() {
  local line="$total_passed passed, $total_failed failed"
  ((total_skipped == 0)) || line+=", $total_skipped skipped"
  echo "$line"
}

# Every path to an exit still ends with the summary line, because CI reads the last line.
give_up() {
  echo "$*" >&2
  summary
  exit 1
}

# Old results would otherwise be reported (by .ci/run) as this run's failures if the build breaks.
rm -rf "$RESULTS"

# Services are needed by both engines (mail and browser tests), not only by PostgreSQL.
if ! scripts/test-services.sh start; then
  [[ $EUID -eq 0 ]] || echo "test services are missing or stopped and starting them needs root:" \
    "run 'sudo scripts/test-services.sh start' once, then run this again as yourself" >&2
  give_up "test services did not start; see the messages above"
fi
eval "$(scripts/test-services.sh env)"

echo "== build $SOLUTION (Release)"
if ! dotnet build "$SOLUTION" -c Release -nologo -v quiet; then
  give_up "build failed; no tests were run"
fi

# Prints one attribute of a .trx <Counters .../> element; 0 when absent.
counter() { # file attribute
  local v
  v=$(grep -o '<Counters [^>]*>' "$1" | head -n 1 | sed -n "s/.* $2=\"\([0-9]*\)\".*/\1/p")
  echo "${v:-0}"
}

for engine in "${engines[@]}"; do
  echo "== test on $engine"
  # Each engine starts with empty mailboxes, as the first one did (resetting needs root).
  if [[ $EUID -eq 0 ]]; then scripts/test-services.sh reset-mail || echo "warning: could not empty the test mailboxes" >&2; fi
  rc=0
  # --blame-hang turns a hung test into a failed run with a named culprit instead of a CI timeout. -m:1 runs the
  # test projects one after the other: on two cores, the browser journeys and the API tests side by side pushed
  # page loads past their 30-second waits.
  KALINGA_TEST_DATABASE=$engine dotnet test "$SOLUTION" -c Release --no-build --nologo -m:1 \
    --logger trx --results-directory "$RESULTS/$engine" \
    --blame-hang-timeout "${KALINGA_TEST_HANG_TIMEOUT:-15m}" --blame-hang-dump-type none \
    "${extra[@]}" || rc=$?

  mapfile -t trx < <(find "$RESULTS/$engine" -name '*.trx' 2>/dev/null | sort)
  passed=0 failed=0 skipped=0 executed=0
  for f in "${trx[@]}"; do
    passed=$((passed + $(counter "$f" passed)))
    failed=$((failed + $(counter "$f" failed) + $(counter "$f" error) + $(counter "$f" timeout) + $(counter "$f" aborted)))
    executed=$((executed + $(counter "$f" executed)))
    # VSTest's trx logger leaves notExecuted at 0 for skipped tests and only lowers "executed", so take
    # whichever of the two ways of counting them is larger.
    not_executed=$(($(counter "$f" notExecuted) + $(counter "$f" inconclusive)))
    not_run=$(($(counter "$f" total) - $(counter "$f" executed)))
    skipped=$((skipped + (not_executed > not_run ? not_executed : not_run)))
  done

  line="$engine: $passed passed, $failed failed"
  ((skipped == 0)) || line+=", $skipped skipped"
  if ((${#trx[@]} == 0)); then
    line+=" (dotnet test exited $rc without writing any .trx: crashed or found no test project)"
    broken=1
  elif ((rc != 0 && failed == 0)); then
    # Test failures are already counted; a non-zero exit without any means a host crash or a build problem.
    line+=" (dotnet test exited $rc although no test failed: see the output above)"
    broken=1
  fi
  results_lines+=("$line")
  total_passed=$((total_passed + passed)) total_failed=$((total_failed + failed))
  total_skipped=$((total_skipped + skipped)) total_executed=$((total_executed + executed))
done

echo
printf '%s\n' "${results_lines[@]}"
((total_executed > 0)) || { echo "no test was executed" >&2; broken=1; }
summary
if ((total_failed == 0 && broken == 0)); then exit 0; fi
exit 1
