// Drives PhantomDB through node-postgres with a pool: parameters, concurrency, a transaction, errors.
// Prints OK on success; exits non-zero on any failure.
const assert = require('assert');
const { Pool } = require('pg');

async function main() {
  const port = parseInt(process.argv[2], 10);
  const pool = new Pool({ host: '127.0.0.1', port, user: 'phantom', password: 'pw', database: 'phantomdb', max: 4 });
  await pool.query('CREATE TABLE js_items (id INTEGER PRIMARY KEY, name TEXT, qty BIGINT)');
  await Promise.all([...Array(20).keys()].map(i =>
    pool.query('INSERT INTO js_items VALUES ($1, $2, $3)', [i, 'n' + i, i * 10])));
  const result = await pool.query('SELECT id, name, qty FROM js_items WHERE id >= $1 ORDER BY id', [10]);
  assert.strictEqual(result.rows.length, 10);
  assert.strictEqual(result.rows[0].id, 10);
  assert.strictEqual(result.rows[0].name, 'n10');
  assert.strictEqual(result.rows[0].qty, '100');

  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('INSERT INTO js_items VALUES ($1, $2, $3)', [100, 'tx', 1]);
    await client.query('ROLLBACK');
  } finally {
    client.release();
  }
  const count = await pool.query('SELECT count(*) AS n FROM js_items WHERE id = $1', [100]);
  assert.strictEqual(count.rows[0].n, '0');

  await assert.rejects(pool.query('SELECT * FROM nope'), error => error.code === '42P01');
  await pool.end();
  console.log('OK');
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
