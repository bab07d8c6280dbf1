package io.phantomdb.server.http;

import io.phantomdb.server.catalog.PgCatalog;
import io.phantomdb.sql.ResultColumn;
import io.phantomdb.sql.SqlDatabase;
import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlMetadata;
import io.phantomdb.sql.SqlResult;
import io.phantomdb.sql.SqlSession;
import io.phantomdb.sql.SqlState;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

/**
 * What the console's API runs: a script in a fresh autocommit session (the last result that has rows, at most
 * {@value #MAX_ROWS} of them, or the last command tag), {@code EXPLAIN ANALYZE} of one statement as its lines,
 * and the schema as JSON.
 * <p>
 * <b>Note:</b> thread-safe; every call opens its own session.
 */
final class ConsoleQueries
{
    static final int MAX_ROWS = 1000;

    private final SqlDatabase database;

    ConsoleQueries(final SqlDatabase database)
    {
        this.database = database;
    }

    String run(final String script)
    {
        final long start = System.nanoTime();
        try (SqlSession session = database.openSession())
        {
            final List<String> statements = session.split(script);
            if (statements.isEmpty())
            {
                return error(new SqlException(SqlState.SYNTAX_ERROR, "empty query"));
            }
            String json = null;
            for (final String statement : statements)
            {
                try (SqlResult result = session.execute(statement))
                {
                    final String current = result(result, start);
                    if (json == null || result.returnsRows() || !json.contains("\"columns\":[{"))
                    {
                        json = current;
                    }
                }
            }
            return json;
        }
        catch (final SqlException ex)
        {
            return error(ex);
        }
        catch (final RuntimeException ex)
        {
            return error(new SqlException(SqlState.INTERNAL_ERROR, String.valueOf(ex.getMessage())));
        }
    }

    String explain(final String sql)
    {
        final String statement = sql.trim().replaceAll(";+$", "");
        return run(statement.regionMatches(true, 0, "EXPLAIN", 0, 7) ? statement : "EXPLAIN ANALYZE " + statement);
    }

    String tables()
    {
        final StringBuilder out = new StringBuilder(4096).append("{\"tables\":[");
        boolean firstTable = true;
        for (final SqlMetadata.TableInfo table : database.metadata().tables())
        {
            out.append(firstTable ? "" : ",").append("{\"name\":");
            Json.string(out, table.name()).append(",\"kind\":");
            Json.string(out, table.kind().name().toLowerCase(Locale.ROOT)).append(",\"storage\":");
            Json.string(out, table.storage()).append(",\"columns\":[");
            for (int i = 0; i < table.columns().size(); i++)
            {
                final SqlMetadata.ColumnInfo column = table.columns().get(i);
                out.append(i == 0 ? "" : ",").append("{\"name\":");
                Json.string(out, column.name()).append(",\"type\":");
                Json.string(out, PgCatalog.formatType(column.type())).append(",\"nullable\":").append(column.nullable())
                    .append(",\"default\":");
                Json.string(out, column.defaultValue()).append(",\"primaryKey\":")
                    .append(table.primaryKey().contains(column.name())).append('}');
            }
            out.append("],\"indexes\":[");
            for (int i = 0; i < table.indexes().size(); i++)
            {
                final SqlMetadata.IndexInfo index = table.indexes().get(i);
                out.append(i == 0 ? "" : ",").append("{\"name\":");
                Json.string(out, index.name()).append(",\"definition\":");
                Json.string(out, PgCatalog.indexDefinition(table, index)).append('}');
            }
            out.append("]}");
            firstTable = false;
        }
        return out.append("]}").toString();
    }

    private static String result(final SqlResult result, final long start)
    {
        final StringBuilder out = new StringBuilder(1024).append("{\"columns\":[");
        final List<ResultColumn> columns = result.returnsRows() ? result.columns() : List.of();
        for (int i = 0; i < columns.size(); i++)
        {
            out.append(i == 0 ? "" : ",").append("{\"name\":");
            Json.string(out, columns.get(i).label()).append(",\"type\":");
            Json.string(out, columns.get(i).type().pgTypeName()).append('}');
        }
        out.append("],\"rows\":[");
        int rows = 0;
        boolean truncated = false;
        if (result.returnsRows())
        {
            while (result.next())
            {
                if (rows == MAX_ROWS)
                {
                    truncated = true;
                    break;
                }
                out.append(rows == 0 ? "[" : ",[");
                for (int i = 0; i < columns.size(); i++)
                {
                    final Object value = result.get(i);
                    Json.value(out.append(i == 0 ? "" : ","), value, value == null ? null : text(value));
                }
                out.append(']');
                rows++;
            }
        }
        out.append("],\"truncated\":").append(truncated).append(",\"tag\":");
        Json.string(out, result.commandTag()).append(",\"millis\":")
            .append(Math.round((System.nanoTime() - start) / 1e4) / 100.0).append('}');
        return out.toString();
    }

    private static String text(final Object value)
    {
        if (value instanceof byte[] bytes)
        {
            final StringBuilder hex = new StringBuilder("\\x");
            for (final byte b : bytes)
            {
                hex.append(String.format("%02x", b & 0xFF));
            }
            return hex.toString();
        }
        return value instanceof LocalDateTime ? value.toString().replace('T', ' ') : value.toString();
    }

    private static String error(final SqlException ex)
    {
        final StringBuilder out = new StringBuilder("{\"error\":{\"sqlState\":");
        Json.string(out, ex.sqlState()).append(",\"message\":");
        Json.string(out, ex.getMessage()).append(",\"position\":").append(ex.position()).append("}}");
        return out.toString();
    }
}
