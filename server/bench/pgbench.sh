#!/usr/bin/env bash
# Runs Debian's pgbench against a running PhantomDB server and a PostgreSQL server with the same scale (1),
# client counts (1, 4, 8) and duration: select-only (-S -M prepared) and the default TPC-B-like script.
# The TPC-B runs retry serialization failures (--max-tries 10) on both servers: PhantomDB detects write-write
# conflicts at commit (40001) where PostgreSQL waits on row locks. PhantomDB is initialised with the same rows by
# pgbench-schema.sql and pgbench-data.py (pgbench -i needs fillfactor and VACUUM), PostgreSQL with pgbench -i -s 1.
# Prints a Markdown table.
#
#   server/bench/pgbench.sh PHANTOM_PORT PG_PORT [SECONDS]   (users phantom / postgres, trust or PGPASSWORD)
#   WORKLOADS="select-only" server/bench/pgbench.sh ...      (default: select-only tpc-b)
set -euo pipefail

phantom_port="$1"
pg_port="$2"
seconds="${3:-30}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

phantom=(-h 127.0.0.1 -p "$phantom_port" -U phantom phantomdb)
postgres=(-h 127.0.0.1 -p "$pg_port" -U postgres postgres)

if ! psql -X -q "${phantom[@]:0:6}" -d phantomdb -tAc "select count(*) from pgbench_branches" >/dev/null 2>&1; then
  echo "initialising PhantomDB (scale 1)..." >&2
  psql -X -q -v ON_ERROR_STOP=1 "${phantom[@]:0:6}" -d phantomdb -f "$here/pgbench-schema.sql"
  python3 "$here/pgbench-data.py" | psql -X -q -v ON_ERROR_STOP=1 "${phantom[@]:0:6}" -d phantomdb
fi
echo "initialising PostgreSQL (scale 1)..." >&2
pgbench -i -s 1 -q "${postgres[@]}" >/dev/null 2>&1

# Prints "tps failed-percent" for one run.
tps() {
  local output
  output=$(pgbench -n -T "$seconds" "$@" 2>&1)
  printf '%s %s\n' "$(sed -n 's/^tps = \([0-9]*\).*/\1/p' <<<"$output")" \
    "$(sed -n 's/^number of failed transactions: [0-9]* (\([0-9.]*%\)).*/\1/p' <<<"$output")"
}

echo "| workload | clients | PhantomDB tps | PostgreSQL 15 tps | ratio | PhantomDB failed | PostgreSQL failed |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for workload in ${WORKLOADS:-select-only tpc-b}; do
  for clients in 1 4 8; do
    threads=$(( clients < 2 ? clients : 2 ))
    if [ "$workload" = select-only ]; then
      args=(-S -M prepared -c "$clients" -j "$threads")
    else
      args=(--max-tries 10 -c "$clients" -j "$threads")
    fi
    read -r ours ours_failed <<<"$(tps "${args[@]}" "${phantom[@]}")"
    read -r theirs theirs_failed <<<"$(tps "${args[@]}" "${postgres[@]}")"
    ratio=$(python3 -c "print(f'{float(\"${ours:-0}\") / float(\"${theirs:-1}\"):.2f}')")
    echo "| $workload | $clients | ${ours:-error} | ${theirs:-error} | $ratio | ${ours_failed:-?} | ${theirs_failed:-?} |"
  done
done
