package io.phantomdb.sql.engine;

import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlResult;
import io.phantomdb.sql.SqlSession;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Helpers for SQL tests: run statements, read results as text rows, assert SQLSTATEs.
 */
final class SqlTestSupport
{
    private SqlTestSupport()
    {
    }

    static void run(final SqlSession session, final String... statements)
    {
        for (final String sql : statements)
        {
            try (SqlResult result = session.execute(sql))
            {
                while (result.returnsRows() && result.next())
                {
                    continue;
                }
            }
        }
    }

    static List<String> rows(final SqlSession session, final String sql, final Object... parameters)
    {
        final List<String> out = new ArrayList<>();
        try (SqlResult result = parameters.length == 0 ? session.execute(sql) :
            session.prepare(sql).execute(parameters))
        {
            while (result.next())
            {
                final StringJoiner row = new StringJoiner("|");
                for (int i = 0; i < result.columns().size(); i++)
                {
                    final Object value = result.get(i);
                    row.add(value instanceof byte[] ? "bytes" : String.valueOf(value));
                }
                out.add(row.toString());
            }
        }
        return out;
    }

    static String one(final SqlSession session, final String sql, final Object... parameters)
    {
        final List<String> rows = rows(session, sql, parameters);
        assertEquals(1, rows.size(), "rows of " + sql + ": " + rows);
        return rows.get(0);
    }

    static SqlException fails(final String sqlState, final SqlSession session, final String sql)
    {
        final SqlException ex = assertThrows(SqlException.class, () -> run(session, sql), sql);
        assertEquals(sqlState, ex.sqlState(), ex.getMessage());
        return ex;
    }

    static String plan(final SqlSession session, final String sql)
    {
        return String.join("\n", rows(session, "EXPLAIN " + sql));
    }
}
