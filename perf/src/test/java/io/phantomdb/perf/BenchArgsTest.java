package io.phantomdb.perf;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BenchArgsTest
{
    @Test
    void shouldParseFlagsAndRejectUnknownStoreWithItsName()
    {
        final BenchArgs args = BenchArgs.parse("--n", "100_000", "--gc", "--stores", "mapdb,lmdb", "--include", "readKey");

        assertEquals(100_000, args.n());
        assertEquals(List.of(StoreRegistry.LMDB, StoreRegistry.MAPDB), StoreRegistry.names(args.stores()));
        final IllegalArgumentException ex =
            assertThrows(IllegalArgumentException.class, () -> BenchArgs.parse("--stores", "sqlite"));
        assertEquals("unknown store 'sqlite', known: " + StoreRegistry.names(StoreRegistry.all()), ex.getMessage());
    }

    @Test
    void shouldRejectNonPositiveNWithTheValue()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> BenchArgs.parse("--n", "0"));
        assertEquals("--n must be a positive integer: '0'", ex.getMessage());
    }
}
