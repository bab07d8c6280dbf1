package io.phantomdb.server;

import io.phantomdb.core.PhantomDB;
import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.core.txn.IsolationLevel;
import io.phantomdb.sql.PreparedSql;
import io.phantomdb.sql.ResultColumn;
import io.phantomdb.sql.SqlDatabase;
import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlMetadata;
import io.phantomdb.sql.SqlResult;
import io.phantomdb.sql.SqlSession;
import io.phantomdb.sql.SqlState;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * A test-only stand-in for the SQL engine that understands a handful of fixed statements, so the protocol
 * layer can be tested on its own: {@code SELECT <int>}, {@code ECHO $1, $2...} (returns its text parameters),
 * {@code ROWS <n>}, {@code TYPES}, {@code FAIL}, {@code SLEEP} (until cancelled), {@code BEGIN},
 * {@code COMMIT}, {@code ROLLBACK}; its metadata holds one table, {@code accounts}, with two indexes.
 * <p>
 * <b>Note:</b> sessions are single-threaded except {@code cancel}.
 */
final class ScriptedDatabase implements SqlDatabase
{
    @Override
    public SqlSession openSession()
    {
        return new Session();
    }

    @Override
    public PhantomDB engine()
    {
        throw new UnsupportedOperationException("scripted");
    }

    @Override
    public SqlMetadata metadata()
    {
        return new SqlMetadata(List.of(new SqlMetadata.TableInfo("accounts", SqlMetadata.Kind.TABLE, List.of(
            new SqlMetadata.ColumnInfo("id", ColumnType.INTEGER, false, null, 1),
            new SqlMetadata.ColumnInfo("name", ColumnType.varchar(40), false, null, 2),
            new SqlMetadata.ColumnInfo("balance", ColumnType.numeric(12, 2), true, "0", 3)),
            List.of("id"),
            List.of(new SqlMetadata.IndexInfo("accounts_pkey", true, "btree", List.of("id"), List.of(false)),
                new SqlMetadata.IndexInfo("accounts_name", false, "btree", List.of("name"), List.of(true))),
            "btree", null)));
    }

    @Override
    public void registerSystemTable(
        final String schema, final String name, final List<ResultColumn> columns, final Supplier<Iterable<Object[]>> rows)
    {
    }

    @Override
    public void close()
    {
    }

    private static final class Session implements SqlSession
    {
        private boolean inTransaction;
        private volatile boolean cancelled;
        private IsolationLevel isolation = IsolationLevel.READ_COMMITTED;

        @Override
        public PreparedSql prepare(final String sql)
        {
            final String text = sql.trim().replaceAll(";$", "");
            final String upper = text.toUpperCase(Locale.ROOT);
            final int parameters = upper.startsWith("ECHO") ? text.split("\\$").length - 1 : 0;
            final List<ResultColumn> columns = columnsOf(upper, parameters);
            return new PreparedSql()
            {
                @Override
                public String sql()
                {
                    return text;
                }

                @Override
                public int parameterCount()
                {
                    return parameters;
                }

                @Override
                public ColumnType parameterType(final int index)
                {
                    return ColumnType.TEXT;
                }

                @Override
                public List<ResultColumn> columns()
                {
                    return columns;
                }

                @Override
                public boolean returnsRows()
                {
                    return !columns.isEmpty();
                }

                @Override
                public SqlResult execute(final Object... values)
                {
                    return run(upper, columns, values);
                }

                @Override
                public void close()
                {
                }
            };
        }

        private static List<ResultColumn> columnsOf(final String upper, final int parameters)
        {
            if (upper.startsWith("SELECT"))
            {
                return List.of(ResultColumn.computed("?column?", ColumnType.INTEGER));
            }
            if (upper.startsWith("ECHO"))
            {
                final List<ResultColumn> columns = new ArrayList<>();
                for (int i = 1; i <= parameters; i++)
                {
                    columns.add(ResultColumn.computed("p" + i, ColumnType.TEXT));
                }
                return columns;
            }
            if (upper.startsWith("ROWS"))
            {
                return List.of(ResultColumn.computed("i", ColumnType.INTEGER), ResultColumn.computed("t", ColumnType.TEXT));
            }
            if (upper.equals("TYPES"))
            {
                return List.of(
                    ResultColumn.computed("b", ColumnType.BOOLEAN), ResultColumn.computed("s", ColumnType.SMALLINT),
                    ResultColumn.computed("i", ColumnType.INTEGER), ResultColumn.computed("l", ColumnType.BIGINT),
                    ResultColumn.computed("f", ColumnType.REAL), ResultColumn.computed("d", ColumnType.DOUBLE_PRECISION),
                    ResultColumn.computed("n", ColumnType.NUMERIC), ResultColumn.computed("t", ColumnType.TEXT),
                    ResultColumn.computed("y", ColumnType.BYTEA), ResultColumn.computed("dt", ColumnType.DATE),
                    ResultColumn.computed("ts", ColumnType.TIMESTAMP), ResultColumn.computed("j", ColumnType.JSON),
                    ResultColumn.computed("z", ColumnType.INTEGER));
            }
            return List.of();
        }

        private SqlResult run(final String upper, final List<ResultColumn> columns, final Object[] values)
        {
            final List<Object[]> rows = new ArrayList<>();
            String tag = null;
            if (upper.startsWith("SELECT"))
            {
                rows.add(new Object[]{Integer.parseInt(upper.substring(6).trim())});
            }
            else if (upper.startsWith("ECHO"))
            {
                final Object[] row = new Object[values.length];
                for (int i = 0; i < values.length; i++)
                {
                    row[i] = values[i] == null ? null : values[i].toString();
                }
                rows.add(row);
            }
            else if (upper.startsWith("ROWS"))
            {
                final int n = Integer.parseInt(upper.substring(4).trim());
                for (int i = 0; i < n; i++)
                {
                    rows.add(new Object[]{i, "row " + i});
                }
            }
            else if (upper.equals("TYPES"))
            {
                rows.add(new Object[]{true, (short)7, 42, 1L << 40, 1.5f, -2.25, new BigDecimal("-12345.6789"), "héllo",
                    new byte[]{1, 2, (byte)0xFF}, LocalDate.of(2024, 2, 29), LocalDateTime.of(2024, 2, 29, 13, 14, 15, 500_000_000),
                    "{\"a\": 1}", null});
            }
            else if (upper.equals("FAIL"))
            {
                throw new SqlException(SqlState.SYNTAX_ERROR, "syntax error at or near \"FAIL\"", 1);
            }
            else if (upper.equals("SLEEP"))
            {
                final long deadline = System.currentTimeMillis() + 20_000;
                while (!cancelled && System.currentTimeMillis() < deadline)
                {
                    Thread.onSpinWait();
                }
                cancelled = false;
                throw new SqlException(SqlState.QUERY_CANCELED, "canceling statement due to user request");
            }
            else if (upper.equals("BEGIN") || upper.startsWith("START"))
            {
                inTransaction = true;
                tag = "BEGIN";
            }
            else if (upper.equals("COMMIT"))
            {
                inTransaction = false;
                tag = "COMMIT";
            }
            else if (upper.equals("ROLLBACK"))
            {
                inTransaction = false;
                tag = "ROLLBACK";
            }
            else
            {
                throw new SqlException(SqlState.SYNTAX_ERROR, "unknown scripted statement: " + upper, 1);
            }
            return new Result(columns, rows, tag);
        }

        @Override
        public SqlResult execute(final String sql)
        {
            return prepare(sql).execute();
        }

        @Override
        public List<String> split(final String script)
        {
            final List<String> parts = new ArrayList<>();
            for (final String part : script.split(";"))
            {
                if (!part.isBlank())
                {
                    parts.add(part.trim());
                }
            }
            return parts;
        }

        @Override
        public boolean autoCommit()
        {
            return true;
        }

        @Override
        public void setAutoCommit(final boolean autoCommit)
        {
        }

        @Override
        public boolean inTransaction()
        {
            return inTransaction;
        }

        @Override
        public void commit()
        {
            inTransaction = false;
        }

        @Override
        public void rollback()
        {
            inTransaction = false;
        }

        @Override
        public IsolationLevel isolation()
        {
            return isolation;
        }

        @Override
        public void setIsolation(final IsolationLevel level)
        {
            isolation = level;
        }

        @Override
        public void setStatementTimeout(final long millis)
        {
        }

        @Override
        public void cancel()
        {
            cancelled = true;
        }

        @Override
        public void close()
        {
        }
    }

    private static final class Result implements SqlResult
    {
        private final List<ResultColumn> columns;
        private final List<Object[]> rows;
        private final String tag;
        private int index = -1;

        private Result(final List<ResultColumn> columns, final List<Object[]> rows, final String tag)
        {
            this.columns = columns;
            this.rows = rows;
            this.tag = tag;
        }

        @Override
        public boolean returnsRows()
        {
            return !columns.isEmpty();
        }

        @Override
        public List<ResultColumn> columns()
        {
            return columns;
        }

        @Override
        public boolean next()
        {
            if (index + 1 >= rows.size())
            {
                return false;
            }
            index++;
            return true;
        }

        @Override
        public Object get(final int column)
        {
            return rows.get(index)[column];
        }

        @Override
        public long updateCount()
        {
            return index + 1;
        }

        @Override
        public String commandTag()
        {
            return tag != null ? tag : "SELECT " + (index + 1);
        }

        @Override
        public void close()
        {
        }
    }
}
