package io.phantomdb.perf.parse;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParseResultTableTest
{
    @Test
    void shouldShowSpeedUpsAndGeometricMeansWhenEveryRowHasAResult()
    {
        final List<ParseResultTable.Measurement> results = List.of(
            new ParseResultTable.Measurement(ParseStatement.POINT_SELECT, ParserUnderTest.PHANTOMDB, 250, 0.02, 400),
            new ParseResultTable.Measurement(ParseStatement.POINT_SELECT, ParserUnderTest.CALCITE, 5_000, 0.1, 9_000),
            new ParseResultTable.Measurement(ParseStatement.INSERT, ParserUnderTest.PHANTOMDB, 1_000, Double.NaN, 1_600),
            new ParseResultTable.Measurement(ParseStatement.INSERT, ParserUnderTest.CALCITE, 5_000, 0.1, 9_000));
        final ParseResultTable table = new ParseResultTable(
            List.of(ParseStatement.POINT_SELECT, ParseStatement.INSERT), List.of(ParserUnderTest.PHANTOMDB, ParserUnderTest.CALCITE),
            results, true);

        assertEquals(String.join("\n",
            "statement     parser        ns/parse   B/op  PhantomDB speed-up",
            "------------  ---------  -----------  -----  ------------------",
            "POINT_SELECT  phantomdb    250 \u00b1  2%    400",
            "POINT_SELECT  calcite    5,000 \u00b1 10%  9,000              20.00x",
            "INSERT        phantomdb  1,000 \u00b1   ?  1,600",
            "INSERT        calcite    5,000 \u00b1 10%  9,000               5.00x",
            "geomean       phantomdb          500    800",
            "geomean       calcite          5,000  9,000              10.00x",
            ""), table.toText());
        assertEquals(List.of(), table.missing());
        assertTrue(table.toMarkdown().startsWith(
            "| statement | parser | ns/parse | B/op | PhantomDB speed-up |\n|---|---|---:|---:|---:|\n"), table.toMarkdown());
    }

    @Test
    void shouldListMissingRowsWhenAParserFailed()
    {
        final ParseResultTable table = new ParseResultTable(
            List.of(ParseStatement.UPDATE), List.of(ParserUnderTest.PHANTOMDB, ParserUnderTest.JSQLPARSER),
            List.of(new ParseResultTable.Measurement(ParseStatement.UPDATE, ParserUnderTest.JSQLPARSER, 3_000, 0.1, Double.NaN)), false);

        assertEquals(List.of("UPDATE on phantomdb"), table.missing());
        assertEquals(String.join("\n",
            "statement  parser         ns/parse  PhantomDB speed-up",
            "---------  ----------  -----------  ------------------",
            "UPDATE     phantomdb             -",
            "UPDATE     jsqlparser  3,000 \u00b1 10%                   -",
            "geomean    phantomdb             -",
            "geomean    jsqlparser        3,000                   -",
            ""), table.toText());
    }
}
