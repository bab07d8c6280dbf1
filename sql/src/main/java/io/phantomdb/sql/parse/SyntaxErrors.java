package io.phantomdb.sql.parse;

import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlState;

/**
 * Builds the parser's {@link SqlException}s: SQLSTATE 42601 (or the given one), the 1-based position, and a
 * message naming the offending text with its line and column, in PostgreSQL's words.
 * <p>
 * <b>Note:</b> stateless; thread safe.
 */
final class SyntaxErrors
{
    private static final int MAX_NEAR_LENGTH = 40;

    private SyntaxErrors()
    {
    }

    /**
     * @param sql    the statement text.
     * @param offset the 0-based offset of the offending token.
     * @param end    the 0-based end (exclusive) of the token.
     * @return {@code syntax error at or near "TOKEN" (line L, column C)}.
     */
    static SqlException atOrNear(final String sql, final int offset, final int end)
    {
        return error(SqlState.SYNTAX_ERROR, "syntax error", sql, offset, end);
    }

    /**
     * @param sql the statement text.
     * @return {@code syntax error at end of input}, positioned just after the text.
     */
    static SqlException atEnd(final String sql)
    {
        return new SqlException(SqlState.SYNTAX_ERROR, "syntax error at end of input", sql.length() + 1);
    }

    /**
     * @param sqlState the SQLSTATE.
     * @param what     the primary message, e.g. {@code unterminated quoted string}.
     * @param sql      the statement text.
     * @param offset   the 0-based offset of the offending text.
     * @param end      the 0-based end (exclusive) of the text to quote.
     * @return {@code WHAT at or near "TEXT" (line L, column C)}.
     */
    static SqlException error(
        final String sqlState, final String what, final String sql, final int offset, final int end)
    {
        final int limit = Math.min(end, offset + MAX_NEAR_LENGTH);
        final String near = sql.substring(offset, Math.max(offset, limit)) + (limit < end ? "..." : "");
        return new SqlException(sqlState, what + " at or near \"" + near + "\"" + lineColumn(sql, offset), offset + 1);
    }

    /**
     * @param sqlState the SQLSTATE.
     * @param message  the primary message.
     * @param sql      the statement text.
     * @param offset   the 0-based offset the error refers to.
     * @return an exception with {@code message (line L, column C)}.
     */
    static SqlException at(final String sqlState, final String message, final String sql, final int offset)
    {
        return new SqlException(sqlState, message + lineColumn(sql, offset), offset + 1);
    }

    private static String lineColumn(final String sql, final int offset)
    {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < sql.length(); i++)
        {
            if (sql.charAt(i) == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }
        return " (line " + line + ", column " + (offset - lineStart + 1) + ")";
    }
}
