package io.phantomdb.sql.value;

import io.phantomdb.sql.SqlException;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Asserts a {@link SqlException}'s SQLSTATE and message.
 */
public final class SqlErrors
{
    private SqlErrors()
    {
    }

    /**
     * @param sqlState the expected SQLSTATE.
     * @param message  the expected message.
     * @param call     what should throw.
     */
    public static void assertSqlError(final String sqlState, final String message, final Executable call)
    {
        final SqlException ex = assertThrows(SqlException.class, call);
        assertEquals(message, ex.getMessage());
        assertEquals(sqlState, ex.sqlState());
    }
}
