package io.phantomdb.perf;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Param;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StoreRegistryTest
{
    @Test
    void shouldListEveryRegisteredStoreInTheStoreParamsWhenStoresAreAdded() throws NoSuchFieldException
    {
        final List<String> all = StoreRegistry.names(StoreRegistry.all());
        final List<String> ordered = new ArrayList<>();
        for (final StoreRegistry.StoreType type : StoreRegistry.all())
        {
            if (type.ordered())
            {
                ordered.add(type.name());
            }
        }

        assertEquals(all, params(IndexBenchmark.PointReader.class), "PointReader @Param store");
        assertEquals(all, params(IndexBenchmark.Writer.class), "Writer @Param store");
        assertEquals(ordered, params(IndexBenchmark.OrderedReader.class), "OrderedReader @Param store");
    }

    private static List<String> params(final Class<?> state) throws NoSuchFieldException
    {
        return List.of(state.getField("store").getAnnotation(Param.class).value());
    }
}
