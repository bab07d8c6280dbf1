/**
 * Typed tables over the transactional key/value engine: a table's rows live in its own keyspace under their
 * byte-comparable primary key ({@link io.phantomdb.index.key.KeyEncoder} over the key columns) with the row
 * (format of {@link io.phantomdb.core.row.RowDescriptor}) as the value; each secondary index has its own
 * keyspace of entries maintained in the same transaction as the row change. {@link io.phantomdb.core.table.Tx}
 * is the session transaction, {@link io.phantomdb.core.table.Row} and {@link io.phantomdb.core.table.RowCursor}
 * read rows, {@link io.phantomdb.core.table.Database} holds the committed catalog and orders DDL against DML.
 * <p>
 * Threading: {@link io.phantomdb.core.table.Database} is thread safe; a {@link io.phantomdb.core.table.Tx} and
 * its rows and cursors belong to one thread at a time. Constraint violations are
 * {@link io.phantomdb.core.table.ConstraintViolationException}s with SQLSTATE 23505 or 23502.
 */
package io.phantomdb.core.table;
