package io.phantomdb.sql.jdbc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTransactionRollbackException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SQLSTATEs and exception classes as JDBC callers see them, from the real engine.
 */
class JdbcErrorMappingTest
{
    @Test
    void shouldThrowSyntaxErrorWithStateWhenSqlIsMalformed() throws SQLException
    {
        try (Connection conn = DriverManager.getConnection("jdbc:phantomdb:mem:"); Statement stat = conn.createStatement())
        {
            final SQLException ex = assertThrows(SQLException.class, () -> stat.execute("SELEC 1"));

            assertInstanceOf(SQLSyntaxErrorException.class, ex);
            assertEquals("42601", ex.getSQLState());
            assertInstanceOf(io.phantomdb.sql.SqlException.class, ex.getCause());
            assertEquals(1, ((io.phantomdb.sql.SqlException)ex.getCause()).position());
        }
    }

    @Test
    void shouldThrowSyntaxErrorClassWhenTableIsUnknown() throws SQLException
    {
        try (Connection conn = DriverManager.getConnection("jdbc:phantomdb:mem:"); Statement stat = conn.createStatement())
        {
            final SQLException ex = assertThrows(SQLException.class, () -> stat.executeQuery("SELECT * FROM missing"));

            assertInstanceOf(SQLSyntaxErrorException.class, ex);
            assertEquals("42P01", ex.getSQLState());
            assertTrue(ex.getMessage().contains("missing"), ex.getMessage());
        }
    }

    @Test
    void shouldThrowIntegrityViolationWhenKeyIsDuplicatedOrNullInserted() throws SQLException
    {
        try (Connection conn = DriverManager.getConnection("jdbc:phantomdb:mem:"); Statement stat = conn.createStatement())
        {
            stat.execute("CREATE TABLE u(id INT PRIMARY KEY, v INT NOT NULL)");
            stat.executeUpdate("INSERT INTO u VALUES (1, 1)");

            final SQLException duplicate = assertThrows(SQLException.class, () -> stat.executeUpdate("INSERT INTO u VALUES (1, 2)"));
            final SQLException isNull = assertThrows(SQLException.class, () -> stat.executeUpdate("INSERT INTO u VALUES (2, NULL)"));

            assertInstanceOf(SQLIntegrityConstraintViolationException.class, duplicate);
            assertEquals("23505", duplicate.getSQLState());
            assertInstanceOf(SQLIntegrityConstraintViolationException.class, isNull);
            assertEquals("23502", isNull.getSQLState());
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldThrowTransactionRollbackWhenConcurrentWriteConflicts() throws SQLException
    {
        try (Connection a = DriverManager.getConnection("jdbc:phantomdb:mem:conflict");
            Connection b = DriverManager.getConnection("jdbc:phantomdb:mem:conflict"))
        {
            a.createStatement().execute("CREATE TABLE k(id INT PRIMARY KEY, v INT)");
            a.createStatement().executeUpdate("INSERT INTO k VALUES (1, 0)");
            a.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            b.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            a.createStatement().executeQuery("SELECT v FROM k WHERE id = 1").close();
            b.createStatement().executeQuery("SELECT v FROM k WHERE id = 1").close();
            a.createStatement().executeUpdate("UPDATE k SET v = 1 WHERE id = 1");
            a.commit();

            final SQLException ex = assertThrows(SQLException.class, () ->
            {
                b.createStatement().executeUpdate("UPDATE k SET v = 2 WHERE id = 1");
                b.commit();
            });

            assertInstanceOf(SQLTransactionRollbackException.class, ex);
            assertEquals("40001", ex.getSQLState());
        }
    }

    @Test
    void shouldThrowFeatureNotSupportedWhenSavepointRequested() throws SQLException
    {
        try (Connection conn = DriverManager.getConnection("jdbc:phantomdb:mem:"))
        {
            conn.setAutoCommit(false);

            final SQLFeatureNotSupportedException ex = assertThrows(SQLFeatureNotSupportedException.class, conn::setSavepoint);

            assertEquals("0A000", ex.getSQLState());
            assertEquals("PhantomDB's JDBC driver does not support savepoints: the SQL engine has no SAVEPOINT; " +
                "roll back the whole transaction", ex.getMessage());
        }
    }

    @Test
    void shouldRejectCommitWhenAutocommitIsOn() throws SQLException
    {
        try (Connection conn = DriverManager.getConnection("jdbc:phantomdb:mem:"))
        {
            final SQLException ex = assertThrows(SQLException.class, conn::commit);

            assertEquals("25P01", ex.getSQLState());
            assertEquals("cannot commit in autocommit mode: call setAutoCommit(false) first", ex.getMessage());
        }
    }

    @Test
    void shouldRejectQueryMethodWhenStatementReturnsNoRows() throws SQLException
    {
        try (Connection conn = DriverManager.getConnection("jdbc:phantomdb:mem:"); Statement stat = conn.createStatement())
        {
            final SQLException ex = assertThrows(SQLException.class,
                () -> stat.executeQuery("CREATE TABLE q(id INT PRIMARY KEY)"));

            assertEquals("07000", ex.getSQLState());
            assertEquals("the statement returned no result set: CREATE TABLE q(id INT PRIMARY KEY)", ex.getMessage());
        }
    }
}
