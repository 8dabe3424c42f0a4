#!/usr/bin/env bash
# Runs every workload on every system, one system at a time, and writes the table and the W1 chart.
#
# Usage: benchmarks/run.sh [dispatch] [dbos] [restate]      (default: all three)
# Output: the table on stdout, benchmarks/results/latest.md and benchmarks/results/w1-calls-per-second.png.
# Logs: benchmarks/target/logs/. Extra JVM options: BENCH_JAVA_OPTS (for example -Dbench.w3.parents=300).
# PostgreSQL: an embedded server per system, or an existing one with -Dbench.jdbcUrl=... in BENCH_JAVA_OPTS.
set -euo pipefail

bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_dir="$(dirname "$bench_dir")"
system_timeout_seconds="${BENCH_SYSTEM_TIMEOUT:-240}"
log_dir="$bench_dir/target/logs"
results="$bench_dir/target/results.txt"
read -r -a java_opts <<< "${BENCH_JAVA_OPTS:-}"

systems=("$@")
if [[ ${#systems[@]} -eq 0 ]]; then
  systems=(dispatch dbos restate)
fi
for system in "${systems[@]}"; do
  case "$system" in
    dispatch | dbos | restate) ;;
    *) echo "unknown system '$system' (expected dispatch, dbos or restate)" >&2; exit 2 ;;
  esac
done

echo "building the project and the benchmarks ..." >&2
"$repo_dir/mvnw" -q -B -f "$repo_dir/pom.xml" -pl dispatch-spring-boot-autoconfigure,dispatch-spring-boot-starter -am install -DskipTests >&2
"$repo_dir/mvnw" -q -B -f "$bench_dir/pom.xml" package -DskipTests >&2

mkdir -p "$log_dir" "$bench_dir/results"
: > "$results"
failed=0
for system in "${systems[@]}"; do
  jar="$bench_dir/$system/target/dispatch-benchmarks-$system.jar"
  log="$log_dir/$system.log"
  echo "running $system (limit ${system_timeout_seconds}s, log $log) ..." >&2
  started=$SECONDS
  if timeout --kill-after=20s "${system_timeout_seconds}s" \
      java "${java_opts[@]}" -Dbench.restate.home="$bench_dir/.restate" -jar "$jar" 2> "$log" | tee -a "$results" >&2; then
    echo "$system finished in $((SECONDS - started))s" >&2
  else
    echo "$system FAILED after $((SECONDS - started))s; last lines of $log:" >&2
    tail -n 40 "$log" >&2
    failed=1
  fi
done

{
  echo "Run of $(date -u +%Y-%m-%d) on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)),"
  echo "$(free -g | awk '/Mem:/ {print $2}') GiB of memory, $(java -version 2>&1 | head -n 1)."
  echo
} > "$bench_dir/target/machine.md"
java -Djava.awt.headless=true -jar "$bench_dir/report/target/dispatch-benchmarks-report.jar" \
  "$results" "$bench_dir/target/table.md" "$bench_dir/results/w1-calls-per-second.png" > /dev/null
cat "$bench_dir/target/machine.md" "$bench_dir/target/table.md" > "$bench_dir/results/latest.md"
cat "$bench_dir/results/latest.md"
exit "$failed"
