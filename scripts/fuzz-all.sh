#!/usr/bin/env bash
# Fuzzes the Jazzer targets of matcher-core, each in its own JVM for SECONDS seconds, and keeps
# going past a crash. Prints, per target, the executions libFuzzer reports and the crash files it
# wrote; crash files land in matcher-core/src/test/resources/org/rolematch/fuzz/<Class>Inputs/<method>/,
# where every 'mvn verify' replays them (fix the bug, keep the file).
#
#   scripts/fuzz-all.sh [SECONDS] [TARGET...]
#   scripts/fuzz-all.sh                       every target, 180 s each
#   scripts/fuzz-all.sh 60 jsonld end-to-end  two targets, a minute each
#
# Targets: posting-text jsonld resume-text json-resume taxonomy end-to-end
# (the executions fuzz-<target> of the 'fuzz' profile in matcher-core/pom.xml).
# Logs: matcher-core/target/fuzz-logs/<target>.log. Exit status 1 when any target found a crash.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/find-jdk.sh"
JDK="$(find_java || true)"
if [[ -z "$JDK" ]]; then
  echo "fuzz-all: needs a JDK 21 or newer (set JAVA_HOME)" >&2
  exit 3
fi
export JAVA_HOME="$JDK"

EACH="${1:-180}"
if [[ $# -gt 0 ]]; then shift; fi
declare -A CLASS=(
  [posting-text]=PostingParserFuzzTest
  [jsonld]=JsonLdPostingFuzzTest
  [resume-text]=ResumeTextFuzzTest
  [json-resume]=JsonResumeFuzzTest
  [taxonomy]=TaxonomyFileFuzzTest
  [end-to-end]=EndToEndMatchFuzzTest
)
TARGETS=("$@")
if [[ ${#TARGETS[@]} -eq 0 ]]; then
  TARGETS=(posting-text jsonld resume-text json-resume taxonomy end-to-end)
fi
for t in "${TARGETS[@]}"; do
  [[ -n "${CLASS[$t]:-}" ]] || { echo "fuzz-all: unknown target '$t' (known: ${!CLASS[*]})" >&2; exit 2; }
done

cd "$ROOT"
INPUTS="matcher-core/src/test/resources/org/rolematch/fuzz"
LOGS="matcher-core/target/fuzz-logs"
mvn -q -B -ntp -pl matcher-core test-compile
mkdir -p "$LOGS"

crashes() { find "$INPUTS" -name 'crash-*' -o -name 'timeout-*' -o -name 'slow-unit-*' 2>/dev/null | sort; }

status=0
printf '%-14s %8s %12s %10s  %s\n' target seconds executions exec/s result
for t in "${TARGETS[@]}"; do
  before="$(crashes)"
  log="$LOGS/$t.log"
  start=$(date +%s)
  if mvn -B -ntp -Pfuzz -pl matcher-core -Dfuzz.seconds="$EACH" "surefire:test@fuzz-$t" >"$log" 2>&1; then
    result="no crash"
  else
    result="FAILED"
    status=1
  fi
  took=$(( $(date +%s) - start ))
  # libFuzzer's last status line: "#123456 DONE cov: ... exec/s: 789 ..." or "Done 123456 runs in 60 second(s)"
  runs="$(grep -aoE 'Done [0-9]+ runs' "$log" | tail -1 | awk '{print $2}')"
  if [[ -z "$runs" ]]; then
    runs="$(grep -aoE '^#[0-9]+' "$log" | tail -1 | tr -d '#')"
  fi
  rate="$(grep -aoE 'exec/s: [0-9]+' "$log" | tail -1 | awk '{print $2}')"
  new="$(comm -13 <(echo "$before") <(crashes) | grep -v '^$' || true)"
  if [[ -n "$new" ]]; then
    result="CRASH: $(echo "$new" | tr '\n' ' ')"
    status=1
  fi
  printf '%-14s %8s %12s %10s  %s\n' "$t" "$took" "${runs:-?}" "${rate:-?}" "$result"
done
exit $status
