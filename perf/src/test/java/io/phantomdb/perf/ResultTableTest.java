package io.phantomdb.perf;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResultTableTest
{
    private static final StoreRegistry.StoreType PHANTOM = new StoreRegistry.StoreType("btree", true, true, LmdbStore::new);
    private static final StoreRegistry.StoreType ORDERED = new StoreRegistry.StoreType("lmdb", false, true, LmdbStore::new);
    private static final StoreRegistry.StoreType HASH =
        new StoreRegistry.StoreType("chronicle-map", false, false, ChronicleMapStore::new);

    @Test
    void shouldPrintOpsRatiosAndNotApplicableWhenPhantomStorePresent()
    {
        final List<ResultTable.Measurement> results = List.of(
            new ResultTable.Measurement("readKey", "btree", "seq", 3_000_000, 0.05, Double.NaN),
            new ResultTable.Measurement("readKey", "lmdb", "seq", 2_000_000, 0.05, Double.NaN),
            new ResultTable.Measurement("readKey", "chronicle-map", "seq", 1_500_000, 0.05, Double.NaN),
            new ResultTable.Measurement("readSeq", "btree", "seq", 10_000_000, 0.05, Double.NaN),
            new ResultTable.Measurement("readSeq", "lmdb", "seq", 20_000_000, 0.05, Double.NaN));

        final String text = new ResultTable(ResultTable.WORKLOADS, List.of(PHANTOM, ORDERED, HASH), results, false).toText();
        final List<String> lines = text.lines().toList();

        assertEquals(List.of("workload", "btree", "lmdb", "chronicle-map", "btree/lmdb", "btree/chronicle-map"),
            List.of(lines.get(0).trim().split("\\s+")), text);
        assertEquals(List.of("readKey", "seq", "3,000,000", "\u00b1", "5%", "2,000,000", "\u00b1", "5%", "1,500,000", "\u00b1", "5%", "1.50x", "2.00x"),
            List.of(lines.get(2).trim().split("\\s+")), text);
        assertEquals(List.of("readSeq", "seq", "10,000,000", "\u00b1", "5%", "20,000,000", "\u00b1", "5%", "n/a", "0.50x", "n/a"),
            List.of(lines.get(4).trim().split("\\s+")), text);
        assertEquals(lines.get(0).length(), lines.get(2).length(), "columns aligned:\n" + text);
        assertEquals(2 + 8, lines.size(), text);
    }

    @Test
    void shouldListMissingCellsButNotInapplicableOnes()
    {
        final ResultTable table = new ResultTable(ResultTable.WORKLOADS, List.of(ORDERED, HASH), List.of(
            new ResultTable.Measurement("write", "lmdb", "rand", 1_000, 0.05, Double.NaN)), false);

        assertTrue(table.missing().contains("readKey seq on chronicle-map"), table.missing().toString());
        assertTrue(!table.missing().contains("readSeq seq on chronicle-map"), table.missing().toString());
        assertEquals(8 + 4 - 1, table.missing().size(), table.missing().toString());
    }

    @Test
    void shouldRenderMarkdownWithBytesPerEntryWhenAllocationProfiled()
    {
        final String md = new ResultTable(List.of("readKey"), List.of(ORDERED), List.of(
            new ResultTable.Measurement("readKey", "lmdb", "seq", 1_234_567.4, Double.NaN, 0.04)), true).toMarkdown();
        final List<String> lines = md.lines().toList();

        assertEquals("| workload | lmdb | lmdb B/op |", lines.get(0));
        assertEquals("|---|---:|---:|", lines.get(1));
        assertEquals("| readKey seq | 1,234,567 \u00b1  ? | 0.0 |", lines.get(2));
        assertEquals("| readKey rand | - | - |", lines.get(3));
        assertEquals(4, lines.size(), md);
    }
}
