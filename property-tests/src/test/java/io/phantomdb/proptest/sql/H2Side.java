package io.phantomdb.proptest.sql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference: a private in-memory H2 database in PostgreSQL mode, lower-case names, NULLs sorted as
 * PostgreSQL sorts them (last ascending, first descending), autocommit.
 * <p>
 * <b>Note:</b> one thread at a time.
 */
final class H2Side implements SqlSide
{
    static final String URL = "jdbc:h2:mem:;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    private final Connection connection;

    H2Side()
    {
        try
        {
            connection = DriverManager.getConnection(URL);
        }
        catch (final SQLException ex)
        {
            throw new IllegalStateException("cannot open H2 at " + URL, ex);
        }
    }

    @Override
    public Outcome run(final String sql)
    {
        return run(sql, null);
    }

    @Override
    public Outcome run(final String sql, final List<Object> parameters)
    {
        try (Statement statement = parameters == null ? connection.createStatement() : connection.prepareStatement(sql))
        {
            statement.setQueryTimeout((int)(PhantomSide.STATEMENT_TIMEOUT_MILLIS / 1000));
            if (parameters != null)
            {
                for (int i = 0; i < parameters.size(); i++)
                {
                    ((PreparedStatement)statement).setObject(i + 1, parameters.get(i));
                }
            }
            if (parameters == null ? !statement.execute(sql) : !((PreparedStatement)statement).execute())
            {
                return Outcome.count(statement.getLargeUpdateCount());
            }
            try (ResultSet rs = statement.getResultSet())
            {
                final int width = rs.getMetaData().getColumnCount();
                final List<List<Object>> rows = new ArrayList<>();
                while (rs.next())
                {
                    final List<Object> row = new ArrayList<>(width);
                    for (int i = 1; i <= width; i++)
                    {
                        row.add(rs.getObject(i));
                    }
                    rows.add(row);
                }
                return Outcome.rows(rows);
            }
        }
        catch (final SQLException ex)
        {
            return Outcome.error(ex.getSQLState(), ex.getMessage());
        }
    }

    @Override
    public void close()
    {
        try
        {
            connection.close();
        }
        catch (final SQLException ex)
        {
            throw new IllegalStateException("cannot close H2", ex);
        }
    }
}
