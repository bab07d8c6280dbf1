"""Drives PhantomDB through psycopg2: parameters, transactions, rollback, errors. Prints OK on success."""
import datetime
import sys

import psycopg2
import psycopg2.errors

port = int(sys.argv[1])
conn = psycopg2.connect(host="127.0.0.1", port=port, user="phantom", password="pw", dbname="phantomdb",
                        sslmode="disable")
conn.autocommit = True
cur = conn.cursor()
cur.execute("CREATE TABLE py_items (id INTEGER PRIMARY KEY, label TEXT, price DOUBLE PRECISION, created DATE)")
conn.autocommit = False

cur.execute("INSERT INTO py_items VALUES (%s, %s, %s, %s)", (1, "it's", 2.5, datetime.date(2024, 1, 2)))
cur.executemany("INSERT INTO py_items VALUES (%s, %s, %s, %s)",
                [(i, "item %d" % i, i * 1.25, None) for i in range(2, 12)])
conn.commit()

cur.execute("SELECT id, label, price, created FROM py_items WHERE id = %s", (1,))
row = cur.fetchone()
assert row == (1, "it's", 2.5, datetime.date(2024, 1, 2)), row
cur.execute("SELECT count(*) FROM py_items")
assert cur.fetchone()[0] == 11
conn.commit()

cur.execute("INSERT INTO py_items VALUES (%s, %s, %s, %s)", (99, "gone", 1.0, None))
conn.rollback()
cur.execute("SELECT count(*) FROM py_items WHERE id = %s", (99,))
assert cur.fetchone()[0] == 0
conn.commit()

try:
    cur.execute("SELECT * FROM no_such_table")
    raise AssertionError("expected an error")
except psycopg2.errors.UndefinedTable as error:
    assert error.pgcode == "42P01", error.pgcode
conn.rollback()

try:
    cur.execute("INSERT INTO py_items VALUES (%s, %s, %s, %s)", (1, "dup", 0.0, None))
    raise AssertionError("expected a unique violation")
except psycopg2.errors.UniqueViolation as error:
    assert error.pgcode == "23505", error.pgcode
conn.rollback()

cur.execute("SELECT label FROM py_items WHERE id = %s", (5,))
assert cur.fetchone() == ("item 5",)
conn.close()
print("OK")
