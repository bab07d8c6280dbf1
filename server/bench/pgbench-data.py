"""Prints the INSERTs that fill pgbench's tables at scale 1 (1 branch, 10 tellers, 100000 accounts)."""
print("INSERT INTO pgbench_branches VALUES (1, 0, NULL);")
print("INSERT INTO pgbench_tellers VALUES " + ",".join("(%d, 1, 0, NULL)" % t for t in range(1, 11)) + ";")
for chunk in range(100):
    rows = ",".join("(%d, 1, 0, '')" % a for a in range(chunk * 1000 + 1, chunk * 1000 + 1001))
    print("INSERT INTO pgbench_accounts VALUES " + rows + ";")
