package io.phantomdb.sql.shell;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerConnectionTest
{
    @Test
    void shouldHideThePasswordWhenPrintingAUrl()
    {
        assertEquals("postgresql://alice:***@127.0.0.1:5432/db", ServerConnection.redact("postgresql://alice:s3cret@127.0.0.1:5432/db"));
        assertEquals("postgresql://127.0.0.1/db", ServerConnection.redact("postgresql://127.0.0.1/db"));
    }

    @Test
    void shouldRefuseAUrlWithoutHostWithSqlState08001()
    {
        final SQLException ex = assertThrows(SQLException.class, () -> ServerConnection.open("postgresql:///db", null));
        assertEquals("08001", ex.getSQLState());
        assertTrue(ex.getMessage().contains("no host"), ex.getMessage());
    }

    @Test
    void shouldParseAServerUrlWhenGivenInsteadOfADirectory()
    {
        final ShellOptions options = ShellOptions.parse("postgres://u@localhost:5433/x", "-c", "SELECT 1");
        assertEquals("postgres://u@localhost:5433/x", options.serverUrl());
        assertEquals("SELECT 1", options.command());
    }
}
