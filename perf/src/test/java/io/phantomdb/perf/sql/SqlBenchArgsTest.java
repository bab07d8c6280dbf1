package io.phantomdb.perf.sql;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqlBenchArgsTest
{
    @Test
    void shouldRunEverythingShortWhenNoFlags()
    {
        final SqlBenchArgs args = SqlBenchArgs.parse();

        assertFalse(args.full());
        assertFalse(args.gc());
        assertEquals(SqlStores.ALL, args.stores());
        assertEquals(SqlBenchArgs.BENCHMARKS, args.benchmarks());
    }

    @Test
    void shouldKeepTableOrderWhenStoresAndIncludeAreGiven()
    {
        final SqlBenchArgs args = SqlBenchArgs.parse("--full", "--gc", "--stores", "sqlite,phantomdb-mem", "--include", "Select|batch");

        assertTrue(args.full());
        assertTrue(args.gc());
        assertEquals(List.of("phantomdb-mem", "sqlite"), args.stores());
        assertEquals(List.of("pointSelect", "rangeSelect", "batchInsert"), args.benchmarks());
    }

    @Test
    void shouldNameTheArgumentWhenItIsWrong()
    {
        assertEquals("unknown argument '--n'", assertThrows(IllegalArgumentException.class,
            () -> SqlBenchArgs.parse("--n", "5")).getMessage());
        assertEquals("unknown store 'mysql' (known: phantomdb-file,phantomdb-mem,h2,sqlite)",
            assertThrows(IllegalArgumentException.class, () -> SqlBenchArgs.parse("--stores", "mysql")).getMessage());
        assertEquals("--include needs a value",
            assertThrows(IllegalArgumentException.class, () -> SqlBenchArgs.parse("--include")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SqlBenchArgs.parse("--include", "("))
            .getMessage().startsWith("--include: bad regular expression '('"));
    }
}
