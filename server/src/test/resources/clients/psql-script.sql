CREATE TABLE psql_accounts (id INTEGER PRIMARY KEY, name VARCHAR(40) NOT NULL, balance NUMERIC(12,2));
CREATE INDEX psql_accounts_name ON psql_accounts (name);
INSERT INTO psql_accounts VALUES (1, 'alice', 10.50), (2, 'bob', 20.00);
BEGIN;
UPDATE psql_accounts SET balance = balance + 1 WHERE id = 1;
COMMIT;
SELECT id, name, balance FROM psql_accounts ORDER BY id;
\dt
\d psql_accounts
\d
