#!/usr/bin/env bash
# Builds the peer modules and runs each peer once through the workloads (warm-up, W1 with
# N=1,000 and 10,000, W2, W3), printing their RESULT lines on stdout.
#
# Usage: benchmarks/run-peers.sh [dbos] [restate]     (default: both)
# Peer logs go to benchmarks/target/peer-logs/. Environment: BENCH_JAVA_OPTS (extra JVM options,
# e.g. "-Dbench.w1.sizes=1000"), BENCH_PEER_TIMEOUT (seconds per peer, default 150).
set -euo pipefail

bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_dir="$(dirname "$bench_dir")"
peer_timeout_seconds="${BENCH_PEER_TIMEOUT:-150}"
log_dir="$bench_dir/target/peer-logs"
read -r -a java_opts <<< "${BENCH_JAVA_OPTS:-}"

peers=("$@")
if [[ ${#peers[@]} -eq 0 ]]; then
  peers=(dbos restate)
fi
for peer in "${peers[@]}"; do
  case "$peer" in
    dbos | restate) ;;
    *) echo "unknown peer '$peer' (expected dbos or restate)" >&2; exit 2 ;;
  esac
done

modules="common"
for peer in "${peers[@]}"; do
  modules+=",$peer"
done

echo "building $modules ..." >&2
"$repo_dir/mvnw" -q -B -f "$bench_dir/pom.xml" -pl "$modules" package -DskipTests >&2

mkdir -p "$log_dir"
failed=0
for peer in "${peers[@]}"; do
  jar="$bench_dir/$peer/target/dispatch-benchmarks-$peer.jar"
  log="$log_dir/$peer.log"
  echo "running $peer (limit ${peer_timeout_seconds}s, log $log) ..." >&2
  started=$SECONDS
  if timeout --kill-after=20s "${peer_timeout_seconds}s" \
      java "${java_opts[@]}" -Dbench.restate.home="$bench_dir/.restate" -jar "$jar" 2> "$log"; then
    echo "$peer finished in $((SECONDS - started))s" >&2
  else
    status=$?
    echo "$peer FAILED (exit $status after $((SECONDS - started))s); last lines of $log:" >&2
    tail -n 40 "$log" >&2
    failed=1
  fi
done
exit "$failed"
