package io.phantomdb.sql.shell;

import io.phantomdb.sql.SqlException;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Formats a failed statement's error as psql does: {@code ERROR: <message> (SQLSTATE xxxxx)}, and when
 * the SQL layer knows the position, the statement's line ({@code LINE n: ...}) with a caret under it.
 * <p>
 * <b>Note:</b> stateless, safe from any thread.
 */
final class ErrorFormatter
{
    private ErrorFormatter()
    {
    }

    /**
     * @param ex        the error.
     * @param statement the statement's text, or null.
     * @return the lines to print.
     */
    static List<String> format(final SQLException ex, final String statement)
    {
        final List<String> lines = new ArrayList<>();
        lines.add("ERROR: " + ex.getMessage() + (ex.getSQLState() == null ? "" : " (SQLSTATE " + ex.getSQLState() + ")"));
        final int position = position(ex);
        if (statement != null && position > 0 && position <= statement.length() + 1)
        {
            int lineStart = 0;
            int lineNumber = 1;
            for (int i = 0; i < position - 1; i++)
            {
                if (statement.charAt(i) == '\n')
                {
                    lineStart = i + 1;
                    lineNumber++;
                }
            }
            int lineEnd = statement.indexOf('\n', lineStart);
            if (lineEnd < 0)
            {
                lineEnd = statement.length();
            }
            final String prefix = "LINE " + lineNumber + ": ";
            lines.add(prefix + statement.substring(lineStart, lineEnd));
            lines.add(" ".repeat(prefix.length() + position - 1 - lineStart) + "^");
        }
        return lines;
    }

    private static int position(final SQLException ex)
    {
        for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause())
        {
            if (cause instanceof SqlException)
            {
                return ((SqlException)cause).position();
            }
        }
        return 0;
    }
}
