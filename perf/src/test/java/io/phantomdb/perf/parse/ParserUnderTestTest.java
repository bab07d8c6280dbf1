package io.phantomdb.perf.parse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ParserUnderTestTest
{
    @ParameterizedTest
    @EnumSource(ParseStatement.class)
    void shouldParseEveryStatementWhenAnyParserIsAsked(final ParseStatement statement) throws Exception
    {
        for (final ParserUnderTest parser : ParserUnderTest.values())
        {
            assertNotNull(parser.parse(statement.sql()), parser.label() + ": " + statement.sql());
        }
    }

    @ParameterizedTest
    @EnumSource(ParserUnderTest.class)
    void shouldThrowWhenStatementIsNotSql(final ParserUnderTest parser)
    {
        assertThrows(Exception.class, () -> parser.parse("SELEC id FRM accounts"));
    }

    @Test
    void shouldFindParserByLabelWhenCaseDiffers()
    {
        assertEquals(ParserUnderTest.CALCITE, ParserUnderTest.of(" Calcite"));
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> ParserUnderTest.of("antlr"));
        assertEquals("unknown parser 'antlr' (known: phantomdb,jsqlparser,calcite)", ex.getMessage());
    }
}
