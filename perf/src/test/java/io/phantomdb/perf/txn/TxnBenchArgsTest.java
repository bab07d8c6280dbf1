package io.phantomdb.perf.txn;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TxnBenchArgsTest
{
    @Test
    void shouldRunEverythingShortWhenNoFlags()
    {
        final TxnBenchArgs args = TxnBenchArgs.parse();
        assertFalse(args.full());
        assertFalse(args.gc());
        assertEquals(TxnStoreRegistry.all(), args.stores());
        assertEquals(List.of("sequential", "random"), args.orders());
        assertEquals(List.of(1, 4, 16), args.committers());
    }

    @Test
    void shouldKeepRegistryOrderAndSortCountsWhenListsAreGiven()
    {
        final TxnBenchArgs args = TxnBenchArgs.parse(
            "--gc", "--full", "--stores", "sqlite,mvstore", "--orders", "random", "--committers", "16,1,4,4");
        assertTrue(args.full());
        assertTrue(args.gc());
        assertEquals(List.of("mvstore", "sqlite"), TxnStoreRegistry.names(args.stores()));
        assertEquals(List.of("random"), args.orders());
        assertEquals(List.of(1, 4, 16), args.committers());
    }

    @Test
    void shouldNameTheArgumentWhenItIsWrong()
    {
        assertEquals("unknown argument '--n'",
            assertThrows(IllegalArgumentException.class, () -> TxnBenchArgs.parse("--n", "5")).getMessage());
        assertEquals("--committers must be positive integers: '0'",
            assertThrows(IllegalArgumentException.class, () -> TxnBenchArgs.parse("--committers", "1,0")).getMessage());
        assertEquals("--orders: unknown order 'zipf' (known: sequential,random)",
            assertThrows(IllegalArgumentException.class, () -> TxnBenchArgs.parse("--orders", "zipf")).getMessage());
        assertEquals("--stores needs a value",
            assertThrows(IllegalArgumentException.class, () -> TxnBenchArgs.parse("--stores")).getMessage());
    }
}
