package io.phantomdb.perf.txn;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Param;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TxnStoreRegistryTest
{
    @Test
    void shouldListEveryRegisteredStoreInTheStoreParamWhenStoresAreAdded() throws NoSuchFieldException
    {
        assertEquals(
            TxnStoreRegistry.names(TxnStoreRegistry.all()),
            List.of(TxnCommitBenchmark.class.getField("store").getAnnotation(Param.class).value()),
            "TxnCommitBenchmark @Param store");
    }

    @Test
    void shouldNameKnownStoresWhenStoreIsUnknown()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> TxnStoreRegistry.get("oracle"));
        assertEquals("unknown store 'oracle' (known: " + String.join(",", TxnStoreRegistry.names(TxnStoreRegistry.all())) + ")",
            ex.getMessage());
    }
}
