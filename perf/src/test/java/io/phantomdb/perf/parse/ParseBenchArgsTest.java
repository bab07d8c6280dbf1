package io.phantomdb.perf.parse;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParseBenchArgsTest
{
    @Test
    void shouldRunEveryParserQuicklyWhenNoFlagsAreGiven()
    {
        final ParseBenchArgs args = ParseBenchArgs.parse();
        assertFalse(args.full());
        assertFalse(args.gc());
        assertEquals(List.of(ParserUnderTest.values()), args.parsers());
    }

    @Test
    void shouldKeepTableOrderWhenParsersAreListed()
    {
        final ParseBenchArgs args = ParseBenchArgs.parse("--gc", "--parsers", "calcite,phantomdb", "--full");
        assertTrue(args.full());
        assertTrue(args.gc());
        assertEquals(List.of(ParserUnderTest.PHANTOMDB, ParserUnderTest.CALCITE), args.parsers());
    }

    @Test
    void shouldRejectWhenArgumentIsUnknownOrValueMissing()
    {
        assertEquals("unknown argument '--n'",
            assertThrows(IllegalArgumentException.class, () -> ParseBenchArgs.parse("--n")).getMessage());
        assertEquals("--parsers needs a value",
            assertThrows(IllegalArgumentException.class, () -> ParseBenchArgs.parse("--parsers")).getMessage());
    }
}
