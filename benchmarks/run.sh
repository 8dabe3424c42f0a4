#!/usr/bin/env bash
# Runs every workload on every system, one system at a time, BENCH_RUNS times (3 by default, the
# systems taking turns in every round), and writes the report and the W1 chart.
#
# Usage: benchmarks/run.sh [dispatch] [dbos] [restate]      (default: all three)
# Output: the report on stdout, benchmarks/results/latest.md and benchmarks/results/w1-calls-per-second.png.
# Logs: benchmarks/target/logs/. Extra JVM options: BENCH_JAVA_OPTS (for example -Dbench.w3.parents=300).
# PostgreSQL: an embedded server per system (fsync, synchronous_commit and full_page_writes on), or an
# existing one with -Dbench.jdbcUrl=... in BENCH_JAVA_OPTS. Every system runs at its durable defaults;
# the report shows the settings each one read back. A workload whose handler ran more or fewer times
# than a correct system runs it is marked in the table and fails the run (exit status 1).
set -euo pipefail

bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_dir="$(dirname "$bench_dir")"
system_timeout_seconds="${BENCH_SYSTEM_TIMEOUT:-300}"
runs="${BENCH_RUNS:-3}"
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
if ! [[ "$runs" =~ ^[1-9][0-9]*$ ]]; then
  echo "BENCH_RUNS must be a positive number of runs, not '$runs'" >&2
  exit 2
fi
data_dir=/tmp
for option in "${java_opts[@]}"; do
  if [[ "$option" == -Djava.io.tmpdir=* ]]; then
    data_dir="${option#-Djava.io.tmpdir=}"
  fi
done

echo "building the project and the benchmarks ..." >&2
"$repo_dir/mvnw" -q -B -f "$repo_dir/pom.xml" -pl dispatch-spring-boot-autoconfigure,dispatch-spring-boot-starter -am install -DskipTests >&2
"$repo_dir/mvnw" -q -B -f "$bench_dir/pom.xml" package -DskipTests >&2

mkdir -p "$log_dir" "$bench_dir/results"
: > "$results"
failed=0
for run in $(seq 1 "$runs"); do
  for system in "${systems[@]}"; do
    jar="$bench_dir/$system/target/dispatch-benchmarks-$system.jar"
    log="$log_dir/$system-run$run.log"
    echo "run $run of $runs: $system (limit ${system_timeout_seconds}s, log $log) ..." >&2
    started=$SECONDS
    if timeout --kill-after=20s "${system_timeout_seconds}s" \
        java "${java_opts[@]}" -Dbench.run="$run" -Dbench.restate.home="$bench_dir/.restate" -jar "$jar" \
        2> "$log" | tee -a "$results" >&2; then
      echo "$system finished in $((SECONDS - started))s" >&2
    else
      echo "$system FAILED after $((SECONDS - started))s; last lines of $log:" >&2
      tail -n 40 "$log" >&2
      failed=1
    fi
  done
done

{
  echo "Measured on $(date -u +%Y-%m-%d) at commit $(git -C "$repo_dir" describe --always --dirty), rounds: $runs, on $(nproc) cores"
  echo "($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GiB of memory,"
  echo "$(java -version 2>&1 | head -n 1); the systems' data in $data_dir ($(df -T "$data_dir" | awk 'NR == 2 {print $2}'))."
  echo "The whole run, build included, took $((SECONDS / 60)) min $((SECONDS % 60)) s."
  echo
} > "$bench_dir/target/machine.md"
java -Djava.awt.headless=true -jar "$bench_dir/report/target/dispatch-benchmarks-report.jar" \
  "$results" "$bench_dir/target/table.md" "$bench_dir/results/w1-calls-per-second.png" > /dev/null
cat "$bench_dir/target/machine.md" "$bench_dir/target/table.md" > "$bench_dir/results/latest.md"
cat "$bench_dir/results/latest.md"
exit "$failed"
