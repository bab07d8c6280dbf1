package io.phantomdb.proptest.sql;

import io.phantomdb.sql.PreparedSql;
import io.phantomdb.sql.SqlDatabase;
import io.phantomdb.sql.SqlDatabases;
import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlResult;
import io.phantomdb.sql.SqlSession;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * PhantomDB in memory through {@link SqlSession}, autocommit, with a statement timeout; statements
 * with parameters through {@link SqlSession#prepare(String)}. An exception
 * other than {@link SqlException} becomes an {@link Outcome#NOT_SQL} outcome with its stack trace.
 * <p>
 * <b>Note:</b> one thread at a time.
 */
final class PhantomSide implements SqlSide
{
    static final long STATEMENT_TIMEOUT_MILLIS = 10_000;

    private final SqlDatabase database;
    private final SqlSession session;

    PhantomSide()
    {
        database = SqlDatabases.inMemory();
        session = database.openSession();
        session.setStatementTimeout(STATEMENT_TIMEOUT_MILLIS);
    }

    SqlSession session()
    {
        return session;
    }

    @Override
    public Outcome run(final String sql)
    {
        return run(sql, null);
    }

    @Override
    public Outcome run(final String sql, final List<Object> parameters)
    {
        try (PreparedSql prepared = parameters == null ? null : session.prepare(sql);
            SqlResult result = parameters == null ? session.execute(sql) : prepared.execute(parameters.toArray()))
        {
            if (!result.returnsRows())
            {
                return Outcome.count(result.updateCount());
            }
            final int width = result.columns().size();
            final List<List<Object>> rows = new ArrayList<>();
            while (result.next())
            {
                final List<Object> row = new ArrayList<>(width);
                for (int i = 0; i < width; i++)
                {
                    row.add(result.get(i));
                }
                rows.add(row);
            }
            return Outcome.rows(rows);
        }
        catch (final SqlException ex)
        {
            return Outcome.error(ex.sqlState(), ex.getMessage());
        }
        catch (final RuntimeException | StackOverflowError ex)
        {
            final StringWriter trace = new StringWriter();
            ex.printStackTrace(new PrintWriter(trace));
            return Outcome.error(Outcome.NOT_SQL, trace.toString());
        }
    }

    @Override
    public void close()
    {
        try
        {
            session.close();
        }
        finally
        {
            database.close();
        }
    }
}
