package io.phantomdb.sql.jdbc;

import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlState;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Generated keys the way PostgreSQL's driver gets them: an INSERT, UPDATE or DELETE without a RETURNING
 * clause gets {@code RETURNING *} (or the named columns) appended, and the rows it returns become
 * {@link java.sql.Statement#getGeneratedKeys()}. Other statements are left alone and have no keys.
 * <p>
 * <b>Note:</b> stateless, safe from any thread.
 */
final class GeneratedKeys
{
    /** The RETURNING list for {@link java.sql.Statement#RETURN_GENERATED_KEYS}: every column. */
    static final String ALL_COLUMNS = "*";

    private static final Pattern DML = Pattern.compile("^\\s*(insert|update|delete)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern RETURNING = Pattern.compile("\\breturning\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private GeneratedKeys()
    {
    }

    /**
     * @param names column names; plain names are folded by the engine, others are quoted.
     * @return the RETURNING list.
     * @throws SQLException if there are no names.
     */
    static String columns(final String[] names) throws SQLException
    {
        if (names == null || names.length == 0)
        {
            throw new SQLException("columnNames must name at least one column", "22023");
        }
        final StringBuilder sb = new StringBuilder();
        for (final String name : names)
        {
            if (sb.length() > 0)
            {
                sb.append(", ");
            }
            sb.append(PLAIN_NAME.matcher(name).matches() ? name : '"' + name.replace("\"", "\"\"") + '"');
        }
        return sb.toString();
    }

    /**
     * @param sql       one statement.
     * @param returning the RETURNING list.
     * @return the statement with {@code RETURNING returning} appended, or {@code sql} itself (the same
     * instance) when it is not an INSERT, UPDATE or DELETE or already has a RETURNING clause.
     */
    static String rewrite(final String sql, final String returning)
    {
        if (!DML.matcher(sql).find() || RETURNING.matcher(sql).find())
        {
            return sql;
        }
        String text = sql.strip();
        while (text.endsWith(";"))
        {
            text = text.substring(0, text.length() - 1).strip();
        }
        return text + " RETURNING " + returning;
    }

    /**
     * @param ex       the engine's error for a rewritten statement.
     * @param original the statement as the caller wrote it.
     * @param owner    the statement, for the usual translation.
     * @return a clear {@link SQLFeatureNotSupportedException} when the engine rejected the appended RETURNING
     * clause, else the usual translation.
     */
    static SQLException failed(final SqlException ex, final String original, final PhantomStatement owner)
    {
        final boolean atReturning = ex.position() > original.strip().length() ||
            ex.getMessage().toLowerCase(Locale.ROOT).contains("returning");
        if (atReturning && (SqlState.SYNTAX_ERROR.equals(ex.sqlState()) || SqlState.FEATURE_NOT_SUPPORTED.equals(ex.sqlState())))
        {
            return new SQLFeatureNotSupportedException(
                "generated keys need INSERT/UPDATE/DELETE ... RETURNING, which the SQL engine rejected: " + ex.getMessage(),
                SqlState.FEATURE_NOT_SUPPORTED, ex);
        }
        return owner.translate(ex);
    }

    /**
     * @return the error for generated keys named by column index.
     */
    static SQLException byIndexUnsupported()
    {
        return SqlErrors.unsupported("generated keys by column index: pass column names or RETURN_GENERATED_KEYS");
    }
}
