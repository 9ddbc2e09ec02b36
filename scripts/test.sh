#!/usr/bin/env bash
# Runs the whole test suite: the README's test command, and what .ci/run executes.
#   1. installs missing test dependencies (PostgreSQL, Chromium, Node, maildev),
#   2. builds the solution once (Release),
#   3. runs every test project, test assemblies in parallel, each test host killed if it hangs,
#   4. prints "N passed, N failed, N skipped" and exits non-zero on any failure.
# Results go to TestResults/: TestResults/{project}/*.trx, TestResults/screenshots/*.png.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

export DOTNET_NOLOGO=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1
results_dir="$repo_root/TestResults"
# A hung test should cost minutes, not CI's whole 90-minute budget.
hang_timeout="${TEST_HANG_TIMEOUT:-10m}"

bash scripts/install-test-deps.sh

# Old TRX files would be counted in the summary below.
rm -rf "$results_dir"
mkdir -p "$results_dir"

if ! dotnet build OrchardPortal.sln -c Release -nologo </dev/null; then
  echo "Build failed: no tests were run (see the errors above)." >&2
  exit 1
fi

# dotnet test runs the solution's test projects in parallel (one MSBuild node, and so one test
# host process, per core); each host starts its own fixtures on its own ports and temp dirs.
test_status=0
dotnet test OrchardPortal.sln -c Release --no-build -nologo \
  -p:OrchardPortalTestResults="$results_dir" \
  --logger trx \
  --logger "console;verbosity=normal" \
  --blame-hang-timeout "$hang_timeout" \
  --blame-hang-dump-type none \
  -maxcpucount \
  </dev/null 2>&1 | tee "$results_dir/dotnet-test.log" || test_status=$?
# With pipefail the pipeline's status is dotnet test's unless tee itself failed.

passed=0 failed=0 skipped=0 other=0
trx_count=0
while IFS= read -r -d '' trx; do
  trx_count=$((trx_count + 1))
  while read -r outcome; do
    case "$outcome" in
      Passed) passed=$((passed + 1)) ;;
      Failed) failed=$((failed + 1)) ;;
      NotExecuted) skipped=$((skipped + 1)) ;;
      *) other=$((other + 1)) ;;
    esac
  done < <(grep -o '<UnitTestResult [^>]*' "$trx" | grep -o 'outcome="[A-Za-z]*"' | cut -d'"' -f2 || true)
done < <(find "$results_dir" -name '*.trx' -print0)

# Timeouts, aborts and errors are failures too.
failed=$((failed + other))

echo
echo "Test results: $trx_count TRX file(s) in $results_dir"
echo "$passed passed, $failed failed, $skipped skipped"

if ((test_status != 0 || failed > 0 || trx_count == 0)); then
  if ((failed == 0)); then
    echo "dotnet test exited with code $test_status: a test host crashed, hung or failed to start." >&2
  fi
  # vstest names the test that was running when a host crashed or was killed for hanging; such
  # a test has no TRX result, so list it here.
  grep -A1 'The test running when the crash occurred' "$results_dir/dotnet-test.log" | grep -v -e 'crash occurred' -e '^--$' \
    | sed 's/^/  aborted: /' >&2 || true
  exit 1
fi
