package io.phantomdb.sql.jdbc;

import org.junit.jupiter.api.Test;

import java.nio.file.Paths;
import java.sql.SQLException;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JdbcUrlTest
{
    @Test
    void shouldResolveFileUrlAgainstWorkingDirectoryWhenRelative() throws SQLException
    {
        final JdbcUrl url = JdbcUrl.parse("jdbc:phantomdb:file:data/x/../db", null);

        assertEquals(JdbcUrl.FILE, url.kind());
        assertEquals(Paths.get("data/db").toAbsolutePath().toString(), url.location());
        assertEquals("db", url.catalog());
        assertFalse(url.keepOpen());
    }

    @Test
    void shouldParseMemUrlWithPropertiesWhenGivenInUrlAndProperties() throws SQLException
    {
        final Properties info = new Properties();
        info.setProperty("user", "sa");
        final JdbcUrl url = JdbcUrl.parse("jdbc:phantomdb:mem:orders;db_close_delay=-1", info);

        assertEquals(JdbcUrl.MEM, url.kind());
        assertEquals("orders", url.location());
        assertTrue(url.keepOpen());
        assertFalse(url.isPrivate());
    }

    @Test
    void shouldBePrivateWhenMemUrlHasNoName() throws SQLException
    {
        final JdbcUrl url = JdbcUrl.parse("jdbc:phantomdb:mem:", null);

        assertTrue(url.isPrivate());
        assertEquals("mem", url.catalog());
    }

    @Test
    void shouldRejectUnknownPropertyWhenInUrl()
    {
        final SQLException ex = assertThrows(SQLException.class,
            () -> JdbcUrl.parse("jdbc:phantomdb:mem:a;CACHE_SIZE=10", null));

        assertEquals("08001", ex.getSQLState());
        assertEquals("unknown connection property 'CACHE_SIZE' for jdbc:phantomdb:mem:a;CACHE_SIZE=10 " +
            "(known: DB_CLOSE_DELAY, user, password)", ex.getMessage());
    }

    @Test
    void shouldRejectUnknownPropertyWhenInProperties()
    {
        final Properties info = new Properties();
        info.setProperty("ssl", "true");

        final SQLException ex = assertThrows(SQLException.class, () -> JdbcUrl.parse("jdbc:phantomdb:mem:a", info));

        assertTrue(ex.getMessage().startsWith("unknown connection property 'ssl'"), ex.getMessage());
    }

    @Test
    void shouldRejectCloseDelayWhenNotZeroOrMinusOne()
    {
        final SQLException ex = assertThrows(SQLException.class,
            () -> JdbcUrl.parse("jdbc:phantomdb:mem:a;DB_CLOSE_DELAY=10", null));

        assertEquals("DB_CLOSE_DELAY must be 0 (close with the last connection) or -1 (keep open): '10' in " +
            "jdbc:phantomdb:mem:a;DB_CLOSE_DELAY=10", ex.getMessage());
    }

    @Test
    void shouldRejectUrlWhenKindUnknownOrDirectoryMissing()
    {
        assertEquals("unknown database kind in jdbc:phantomdb:tcp:x: expected jdbc:phantomdb:file:<dir> or " +
            "jdbc:phantomdb:mem:<name>",
            assertThrows(SQLException.class, () -> JdbcUrl.parse("jdbc:phantomdb:tcp:x", null)).getMessage());
        assertEquals("the URL names no directory: jdbc:phantomdb:file:",
            assertThrows(SQLException.class, () -> JdbcUrl.parse("jdbc:phantomdb:file:", null)).getMessage());
        assertEquals("malformed property 'x' in jdbc:phantomdb:mem:a;x: expected key=value",
            assertThrows(SQLException.class, () -> JdbcUrl.parse("jdbc:phantomdb:mem:a;x", null)).getMessage());
    }

    @Test
    void shouldAcceptOnlyPhantomUrlsWhenAskedByDriverManager() throws SQLException
    {
        final PhantomDriver driver = PhantomDriver.instance();

        assertTrue(driver.acceptsURL("jdbc:phantomdb:mem:x"));
        assertFalse(driver.acceptsURL("jdbc:h2:mem:x"));
        assertEquals(null, driver.connect("jdbc:h2:mem:x", null));
        assertTrue(java.sql.DriverManager.getDriver("jdbc:phantomdb:mem:x") instanceof PhantomDriver);
    }
}
