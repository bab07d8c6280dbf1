#!/usr/bin/env bash
# Runs Debian's pgbench against a running PhantomDB server and a PostgreSQL server with the same scale (1),
# client counts (1, 4, 8) and duration: select-only (-S -M prepared) and the default TPC-B-like script.
# PhantomDB is initialised with init-phantomdb.sql-equivalent INSERTs (pgbench -i needs COPY, fillfactor and
# VACUUM), PostgreSQL with pgbench -i -s 1. Prints a Markdown table.
#
#   server/bench/pgbench.sh PHANTOM_PORT PG_PORT [SECONDS]   (users phantom / postgres, trust or PGPASSWORD)
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

tps() {
  pgbench -n -T "$seconds" "$@" 2>&1 | sed -n 's/^tps = \([0-9.]*\) .*/\1/p'
}

echo "| workload | clients | PhantomDB tps | PostgreSQL 15 tps | ratio |"
echo "|---|---:|---:|---:|---:|"
for workload in select-only tpc-b; do
  for clients in 1 4 8; do
    threads=$(( clients < 2 ? clients : 2 ))
    if [ "$workload" = select-only ]; then
      args=(-S -M prepared -c "$clients" -j "$threads")
    else
      args=(-c "$clients" -j "$threads")
    fi
    ours=$(tps "${args[@]}" "${phantom[@]}")
    theirs=$(tps "${args[@]}" "${postgres[@]}")
    ratio=$(python3 -c "print(f'{float(\"${ours:-0}\") / float(\"${theirs:-1}\"):.2f}')")
    echo "| $workload | $clients | ${ours:-failed} | ${theirs:-failed} | $ratio |"
  done
done
