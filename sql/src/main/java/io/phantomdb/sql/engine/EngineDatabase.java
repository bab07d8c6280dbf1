package io.phantomdb.sql.engine;

import io.phantomdb.core.PhantomDB;
import io.phantomdb.core.catalog.Catalog;
import io.phantomdb.core.catalog.TableDefinition;
import io.phantomdb.core.schema.Column;
import io.phantomdb.core.schema.TableSchema;
import io.phantomdb.core.table.RowCursor;
import io.phantomdb.core.table.Tx;
import io.phantomdb.core.txn.IsolationLevel;
import io.phantomdb.sql.ResultColumn;
import io.phantomdb.sql.SqlDatabase;
import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlMetadata;
import io.phantomdb.sql.SqlSession;
import io.phantomdb.sql.SqlState;
import io.phantomdb.sql.plan.SchemaView;
import io.phantomdb.sql.plan.SqlSchema;
import io.phantomdb.sql.plan.Statistics;
import io.phantomdb.sql.plan.SystemTable;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The {@link SqlDatabase} implementation: a core {@link PhantomDB}, the SQL layer's schema as last
 * committed, the registered system tables, row count statistics and row id counters, and the open sessions.
 * <p>
 * <b>Note:</b> thread safe: sessions on any threads share it; the SQL schema is an immutable object
 * replaced under this object's lock when DDL commits.
 */
public final class EngineDatabase implements SqlDatabase
{
    private static final int COUNT_LIMIT = 10_000;

    private final PhantomDB engine;
    private final Map<String, SystemTable> systemTables = new ConcurrentHashMap<>();
    private final Set<EngineSession> sessions = ConcurrentHashMap.newKeySet();
    private final Map<Integer, AtomicLong> rowCounts = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicLong> rowIds = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> sequences = new ConcurrentHashMap<>();
    private final AtomicLong sqlVersion = new AtomicLong();
    private volatile SqlSchema sqlSchema;
    private final boolean deterministic;
    private volatile boolean closed;

    /**
     * @param engine        the core database; owned (closed) by this object.
     * @param deterministic see {@link #deterministic()}.
     */
    public EngineDatabase(final PhantomDB engine, final boolean deterministic)
    {
        this.engine = engine;
        this.deterministic = deterministic;
        try (Tx tx = engine.begin())
        {
            this.sqlSchema = MetaStore.load(tx);
        }
    }

    @Override
    public SqlSession openSession()
    {
        checkOpen();
        final EngineSession session = new EngineSession(this);
        sessions.add(session);
        return session;
    }

    @Override
    public PhantomDB engine()
    {
        return engine;
    }

    @Override
    public SqlMetadata metadata()
    {
        checkOpen();
        return MetadataBuilder.build(schemaView(engine.catalog(), sqlSchema));
    }

    @Override
    public void registerSystemTable(
        final String schema, final String name, final List<ResultColumn> columns, final Supplier<Iterable<Object[]>> rows)
    {
        systemTables.put(TableSchema.fold(schema) + "." + TableSchema.fold(name),
            new SystemTable(schema, name, List.copyOf(columns), rows));
        sqlVersion.incrementAndGet();
    }

    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        for (final EngineSession session : sessions)
        {
            session.closeQuietly();
        }
        sessions.clear();
        engine.close();
    }

    void checkOpen()
    {
        if (closed)
        {
            throw new SqlException(SqlState.ADMIN_SHUTDOWN, "terminating connection: the database is closed");
        }
    }

    boolean isClosed()
    {
        return closed;
    }

    void sessionClosed(final EngineSession session)
    {
        sessions.remove(session);
    }

    SqlSchema sqlSchema()
    {
        return sqlSchema;
    }

    long sqlVersion()
    {
        return sqlVersion.get();
    }

    /**
     * Re-reads the SQL layer's schema after a DDL transaction committed.
     */
    synchronized void reloadSqlSchema()
    {
        try (Tx tx = engine.begin())
        {
            sqlSchema = MetaStore.load(tx);
        }
        sqlVersion.incrementAndGet();
    }

    SchemaView schemaView(final Catalog catalog, final SqlSchema schema)
    {
        return new SchemaView(catalog, schema, systemTables);
    }

    Statistics statistics()
    {
        return table -> Math.max(1, rowCount(table));
    }

    /**
     * The row count estimate of a table; the first call per table counts (up to a limit) in a short READ
     * COMMITTED transaction of its own, so planning never adds to the read set of the user's transaction.
     */
    private long rowCount(final TableDefinition table)
    {
        final AtomicLong known = rowCounts.get(table.id());
        if (null != known)
        {
            return known.get();
        }
        long count = 0;
        try (Tx tx = engine.begin(IsolationLevel.READ_COMMITTED))
        {
            if (null == tx.catalog().findTable(table.name()))
            {
                return 1;
            }
            final RowCursor cursor = tx.scan(table.name(), null, null, true);
            while (count < COUNT_LIMIT && cursor.next())
            {
                count++;
            }
        }
        final long estimate = count >= COUNT_LIMIT ? COUNT_LIMIT * 10L : count;
        rowCounts.putIfAbsent(table.id(), new AtomicLong(estimate));
        return rowCounts.get(table.id()).get();
    }

    void adjustRowCount(final int tableId, final long delta)
    {
        final AtomicLong known = rowCounts.get(tableId);
        if (null != known)
        {
            known.addAndGet(delta);
        }
    }

    /**
     * The next value of a serial column's sequence ({@code nextval('t_c_seq')}, the DEFAULT of a SERIAL column). By
     * default a counter per sequence, started from the column's highest committed value by a short transaction of its
     * own; in a {@linkplain #deterministic() deterministic} database the highest value the statement's transaction
     * sees, plus one.
     *
     * @param name the sequence name.
     * @param tx   the statement's transaction.
     * @return the next value.
     */
    long nextSequenceValue(final String name, final Tx tx)
    {
        final String key = TableSchema.fold(name);
        if (deterministic)
        {
            return highestSerialValue(tx, key) + 1;
        }
        AtomicLong counter = sequences.get(key);
        if (null == counter)
        {
            try (Tx own = engine.begin(IsolationLevel.READ_COMMITTED))
            {
                sequences.putIfAbsent(key, new AtomicLong(highestSerialValue(own, key)));
            }
            counter = sequences.get(key);
        }
        return counter.incrementAndGet();
    }

    private static long highestSerialValue(final Tx tx, final String sequence)
    {
        final String expression = "nextval('" + sequence + "')";
        for (final TableDefinition table : tx.catalog().tables())
        {
            for (final Column column : table.schema().columns())
            {
                if (expression.equalsIgnoreCase(column.defaultExpression()))
                {
                    final int[] primaryKey = table.schema().primaryKey();
                    final boolean leadingKey = primaryKey.length > 0 && primaryKey[0] == column.ordinal();
                    long max = 0;
                    final RowCursor cursor = tx.scan(table.name(), null, null, !leadingKey);
                    while (cursor.next())
                    {
                        if (!cursor.row().isNull(column.ordinal()))
                        {
                            max = Math.max(max, ((Number)cursor.row().getObject(column.ordinal())).longValue());
                            if (leadingKey)
                            {
                                break;
                            }
                        }
                    }
                    return max;
                }
            }
        }
        throw new SqlException(SqlState.UNDEFINED_TABLE, "relation \"" + sequence + "\" does not exist");
    }

    /**
     * The next hidden row id of a table without a primary key. By default a per-table counter, started from the
     * highest committed id by a short transaction of its own (so the user's transaction reads nothing for it); in a
     * {@linkplain #deterministic() deterministic} database the highest id the statement's transaction sees, plus one.
     */
    long nextRowId(final Tx tx, final TableDefinition table, final int rowIdOrdinal)
    {
        if (deterministic)
        {
            return highestRowId(tx, table, rowIdOrdinal) + 1;
        }
        AtomicLong counter = rowIds.get(table.id());
        if (null == counter)
        {
            try (Tx own = engine.begin(IsolationLevel.READ_COMMITTED))
            {
                rowIds.putIfAbsent(table.id(), new AtomicLong(highestRowId(own, table, rowIdOrdinal)));
            }
            counter = rowIds.get(table.id());
        }
        return counter.incrementAndGet();
    }

    private static long highestRowId(final Tx tx, final TableDefinition table, final int rowIdOrdinal)
    {
        if (null == tx.catalog().findTable(table.name()))
        {
            return 0;
        }
        final RowCursor cursor = tx.scan(table.name(), null, null, false);
        return cursor.next() ? cursor.row().getLong(rowIdOrdinal) : 0;
    }

    /**
     * @return true if statements are deterministic functions of the data and the session's
     * {@linkplain SqlSession#pinContext pinned context}: serial values and hidden row ids come from the transaction's
     * own view instead of counters kept in memory (so every replica of a statement log computes the same values).
     */
    public boolean deterministic()
    {
        return deterministic;
    }
}
