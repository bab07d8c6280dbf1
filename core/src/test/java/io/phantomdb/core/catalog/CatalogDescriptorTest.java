package io.phantomdb.core.catalog;

import io.phantomdb.CorruptionException;
import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.core.schema.TableSchema;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogDescriptorTest
{
    static TableDefinition everyType()
    {
        final TableSchema schema = TableSchema.builder(7, "Orders")
            .column("id", ColumnType.BIGINT, false)
            .column("region", ColumnType.character(3), false)
            .column("flag", ColumnType.BOOLEAN, true)
            .column("s", ColumnType.SMALLINT, true)
            .column("i", ColumnType.INTEGER, true, "42")
            .column("r", ColumnType.REAL, true)
            .column("d", ColumnType.DOUBLE_PRECISION, true)
            .column("total", ColumnType.numeric(10, 2), false)
            .column("n", ColumnType.NUMERIC, true)
            .column("note", ColumnType.varchar(20), true, "'none'")
            .column("vc", ColumnType.VARCHAR, true)
            .column("t", ColumnType.TEXT, true)
            .column("b", ColumnType.BYTEA, true)
            .column("day", ColumnType.DATE, true)
            .column("tm", ColumnType.TIME, true)
            .column("ts", ColumnType.TIMESTAMP, true)
            .column("doc", ColumnType.JSON, true)
            .column("caf\u00e9", ColumnType.TEXT, true)
            .primaryKey("region", "id")
            .build();
        return new TableDefinition(schema, StorageType.LSM, 3);
    }

    @Test
    void shouldRoundTripTableWhenEveryTypeAndOptionIsUsed()
    {
        final TableDefinition table = everyType();
        final DirectBuffer encoded = CatalogDescriptor.encodeTable(table);
        final TableDefinition decoded = CatalogDescriptor.decodeTable(encoded, 0, encoded.capacity());
        assertEquals(table, decoded);
        assertArrayEquals(new int[]{1, 0}, decoded.schema().primaryKey());
        assertEquals("'none'", decoded.schema().column("NOTE").defaultExpression());
    }

    @Test
    void shouldRoundTripIndexWhenColumnsAreMixedAscAndDesc()
    {
        final IndexDefinition index = new IndexDefinition(9, "orders_by_day", 7,
            List.of(new IndexColumn(13, true), new IndexColumn(0, false)), true, StorageType.HASH);
        final DirectBuffer encoded = CatalogDescriptor.encodeIndex(index);
        assertEquals(index, CatalogDescriptor.decodeIndex(encoded, 0, encoded.capacity()));
    }

    @Test
    void shouldRoundTripMetaWhenValuesAreLarge()
    {
        final DirectBuffer encoded = CatalogDescriptor.encodeMeta(Long.MAX_VALUE - 1, Integer.MAX_VALUE);
        assertEquals(CatalogDescriptor.META_LENGTH, encoded.capacity());
        assertArrayEquals(new long[]{Long.MAX_VALUE - 1, Integer.MAX_VALUE},
            CatalogDescriptor.decodeMeta(encoded, 0, encoded.capacity()));
    }

    @Test
    void shouldSortObjectKeysByTagThenIdWhenComparedAsBytes()
    {
        final DirectBuffer a = CatalogDescriptor.objectKey(CatalogDescriptor.TABLE_TAG, 255);
        final DirectBuffer b = CatalogDescriptor.objectKey(CatalogDescriptor.TABLE_TAG, 256);
        final DirectBuffer c = CatalogDescriptor.objectKey(CatalogDescriptor.INDEX_TAG, 1);
        assertTrue(io.phantomdb.index.ByteComparator.compare(a, 0, 5, b, 0, 5) < 0);
        assertTrue(io.phantomdb.index.ByteComparator.compare(b, 0, 5, c, 0, 5) < 0);
    }

    @Test
    void shouldThrowCorruptionNamingOffsetWhenTableRecordIsTruncated()
    {
        final DirectBuffer encoded = CatalogDescriptor.encodeTable(everyType());
        for (int length = 0; length < encoded.capacity(); length++)
        {
            final int cut = length;
            assertThrows(CorruptionException.class, () -> CatalogDescriptor.decodeTable(encoded, 0, cut),
                "length " + cut);
        }
    }

    @Test
    void shouldThrowCorruptionWhenVersionOrStorageIsUnknown()
    {
        final DirectBuffer encoded = CatalogDescriptor.encodeTable(everyType());
        final UnsafeBuffer damaged = new UnsafeBuffer(new byte[encoded.capacity()]);
        damaged.putBytes(0, encoded, 0, encoded.capacity());
        damaged.putByte(0, (byte)2);
        final CorruptionException version = assertThrows(CorruptionException.class,
            () -> CatalogDescriptor.decodeTable(damaged, 0, damaged.capacity()));
        assertEquals("corruption in <memory> at offset 1: catalog table record: format version expected 1, actual 2",
            version.getMessage());

        damaged.putByte(0, (byte)1);
        damaged.putByte(13, (byte)7);
        final CorruptionException storage = assertThrows(CorruptionException.class,
            () -> CatalogDescriptor.decodeTable(damaged, 0, damaged.capacity()));
        assertEquals("corruption in <memory> at offset 14: catalog table record: unknown storage code 7",
            storage.getMessage());
    }

    @Test
    void shouldThrowCorruptionWhenDecodedDefinitionIsInvalid()
    {
        final IndexDefinition index = new IndexDefinition(9, "ix", 7, List.of(new IndexColumn(1, false)), false,
            StorageType.BTREE);
        final DirectBuffer encoded = CatalogDescriptor.encodeIndex(index);
        final UnsafeBuffer damaged = new UnsafeBuffer(new byte[encoded.capacity()]);
        damaged.putBytes(0, encoded, 0, encoded.capacity());
        damaged.putInt(1, 0, CatalogDescriptor.BYTE_ORDER);
        final CorruptionException ex = assertThrows(CorruptionException.class,
            () -> CatalogDescriptor.decodeIndex(damaged, 0, damaged.capacity()));
        assertTrue(ex.getMessage().contains("invalid definition: index \"ix\": id 0 must be >= 1"), ex.getMessage());
    }
}
