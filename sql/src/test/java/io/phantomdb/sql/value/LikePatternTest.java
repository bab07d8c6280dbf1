package io.phantomdb.sql.value;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.phantomdb.sql.value.SqlErrors.assertSqlError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LikePatternTest
{
    @Test
    void shouldMatchWildcardsWhenPatternHasPercentAndUnderscore()
    {
        assertTrue(LikePattern.compile("abc", false).matches("abc"));
        assertFalse(LikePattern.compile("abc", false).matches("abcd"));
        assertTrue(LikePattern.compile("a%", false).matches("a"));
        assertTrue(LikePattern.compile("%c", false).matches("abc"));
        assertTrue(LikePattern.compile("%b%", false).matches("abc"));
        assertTrue(LikePattern.compile("a_c", false).matches("abc"));
        assertFalse(LikePattern.compile("a_c", false).matches("ac"));
        assertTrue(LikePattern.compile("%", false).matches(""));
        assertFalse(LikePattern.compile("_", false).matches(""));
        assertTrue(LikePattern.compile("_", false).matches("😀"));
        assertTrue(LikePattern.compile("a%b%c", false).matches("aXbYbZc"));
        assertFalse(LikePattern.compile("a%b%c", false).matches("aXbYbZ"));
    }

    @Test
    void shouldTreatEscapedCharactersLiterallyWhenEscaped()
    {
        assertTrue(LikePattern.compile("100\\%", false).matches("100%"));
        assertFalse(LikePattern.compile("100\\%", false).matches("1000"));
        assertTrue(LikePattern.compile("a#_b", "#", false).matches("a_b"));
        assertFalse(LikePattern.compile("a#_b", "#", false).matches("axb"));
        assertTrue(LikePattern.compile("a\\b", "", false).matches("a\\b"));
        assertSqlError("22025", "LIKE pattern must not end with escape character",
            () -> LikePattern.compile("abc\\", false));
        assertSqlError("22025", "invalid escape string", () -> LikePattern.compile("abc", "##", false));
    }

    @Test
    void shouldIgnoreCaseWhenIlike()
    {
        assertTrue(LikePattern.compile("ABC%", true).matches("abcdef"));
        assertTrue(LikePattern.compile("%É", true).matches("café"));
        assertFalse(LikePattern.compile("ABC%", false).matches("abcdef"));
    }

    @Test
    @Timeout(5)
    void shouldNotBlowUpWhenPatternIsPathological()
    {
        final String text = "a".repeat(20_000);
        final String pattern = "%a".repeat(50) + "b";
        assertFalse(LikePattern.compile(pattern, false).matches(text));
    }

    @Test
    void shouldExposeLiteralPrefixWhenPatternStartsWithLiterals()
    {
        assertEquals("ab%c", LikePattern.compile("ab\\%c_%", false).literalPrefix());
        assertEquals("", LikePattern.compile("%abc", false).literalPrefix());
        assertEquals("", LikePattern.compile("abc%", true).literalPrefix());
        assertTrue(LikePattern.compile("a\\_b", false).isExact());
        assertFalse(LikePattern.compile("a_b", false).isExact());
    }

    @Test
    void shouldReturnNullWhenOperandIsNull()
    {
        assertNull(LikePattern.like(null, "a"));
        assertEquals(Boolean.TRUE, LikePattern.like("a", "a"));
    }
}
