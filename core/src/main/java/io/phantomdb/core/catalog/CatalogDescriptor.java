package io.phantomdb.core.catalog;

import io.phantomdb.CorruptionException;
import io.phantomdb.core.schema.Column;
import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.core.schema.TableSchema;
import io.phantomdb.core.schema.TypeKind;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The catalog format, version {@value #FORMAT_VERSION}: how tables and indexes are stored as rows of
 * keyspace 0. Keys are byte-comparable (big-endian ids), values little-endian.
 * <pre>
 * key                                   value
 * 00                                    meta record
 * 01 | table id (int32 big-endian)      table record
 * 02 | index id (int32 big-endian)      index record
 *
 * meta record
 *  0  1  uint8   format version = 1
 *  1  8  int64   catalog version (DDL transactions committed)
 *  9  4  int32   next free keyspace id
 *
 * table record
 *  0  1  uint8   format version = 1
 *  1  4  int32   table id (= its keyspace id)
 *  5  8  int64   schema version
 * 13  1  uint8   storage: 0 BTREE, 1 LSM
 * 14     string  table name
 *    2   uint16  column count n, then n columns:
 *          string  name
 *          4 int32 type OID (TypeKind.pgOid)
 *          4 int32 precision, -1 if none
 *          4 int32 scale, -1 if none
 *          4 int32 length, -1 if none
 *          1 uint8 1 = nullable, 0 = NOT NULL
 *          nstring default expression
 *    2   uint16  primary key column count k, then k uint16 column ordinals in key order
 *
 * index record
 *  0  1  uint8   format version = 1
 *  1  4  int32   index id (= its keyspace id)
 *  5  4  int32   table id
 *  9  1  uint8   storage: 0 BTREE, 1 LSM, 2 HASH
 * 10  1  uint8   1 = unique, 0 = not
 * 11     string  index name
 *    2   uint16  key column count m, then m of: uint16 column ordinal, uint8 flags (bit 0: DESC)
 *
 * string  = uint16 byte length, then UTF-8
 * nstring = int32 byte length or -1 for null, then UTF-8
 * </pre>
 * A record whose version, codes or lengths do not check out throws {@link CorruptionException} naming the
 * record's key and the offset within the record.
 * <p>
 * <b>Note:</b> stateless, safe from any thread.
 */
public final class CatalogDescriptor
{
    /** Version of the format written by this code; the only one it reads. */
    public static final int FORMAT_VERSION = 1;

    /** Byte order of values. */
    public static final ByteOrder BYTE_ORDER = ByteOrder.LITTLE_ENDIAN;

    /** Key tag of the meta record. */
    public static final byte META_TAG = 0;
    /** Key tag of a table record. */
    public static final byte TABLE_TAG = 1;
    /** Key tag of an index record. */
    public static final byte INDEX_TAG = 2;

    /** Length of a table or index key: tag plus int32 id. */
    public static final int OBJECT_KEY_LENGTH = 5;

    /** Length of the meta record. */
    public static final int META_LENGTH = 13;

    private static final int NULL_STRING = -1;

    private CatalogDescriptor()
    {
    }

    /**
     * @return the key of the meta record.
     */
    public static DirectBuffer metaKey()
    {
        return new UnsafeBuffer(new byte[]{META_TAG});
    }

    /**
     * @param tag {@link #TABLE_TAG} or {@link #INDEX_TAG}.
     * @param id  the object's id.
     * @return the key of its record.
     */
    public static DirectBuffer objectKey(final byte tag, final int id)
    {
        final UnsafeBuffer key = new UnsafeBuffer(new byte[OBJECT_KEY_LENGTH]);
        key.putByte(0, tag);
        key.putInt(1, id, ByteOrder.BIG_ENDIAN);
        return key;
    }

    /**
     * @param catalogVersion DDL transactions committed.
     * @param nextId         next free keyspace id.
     * @return the meta record.
     */
    public static DirectBuffer encodeMeta(final long catalogVersion, final int nextId)
    {
        final UnsafeBuffer value = new UnsafeBuffer(new byte[META_LENGTH]);
        value.putByte(0, (byte)FORMAT_VERSION);
        value.putLong(1, catalogVersion, BYTE_ORDER);
        value.putInt(9, nextId, BYTE_ORDER);
        return value;
    }

    /**
     * @param buffer holding the meta record.
     * @param offset where it starts.
     * @param length its length.
     * @return {catalog version, next id}.
     * @throws CorruptionException if the record is malformed.
     */
    public static long[] decodeMeta(final DirectBuffer buffer, final int offset, final int length)
    {
        final Reader reader = new Reader("meta record", buffer, offset, length);
        reader.version();
        final long catalogVersion = reader.int64();
        final long nextId = reader.int32();
        reader.end();
        return new long[]{catalogVersion, nextId};
    }

    /**
     * @param table a table.
     * @return its record.
     */
    public static DirectBuffer encodeTable(final TableDefinition table)
    {
        final Writer writer = new Writer();
        final TableSchema schema = table.schema();
        writer.uint8(FORMAT_VERSION).int32(table.id()).int64(table.version()).uint8(table.storage().code());
        writer.string(schema.name()).uint16(schema.columnCount());
        for (final Column column : schema.columns())
        {
            final ColumnType type = column.type();
            writer.string(column.name()).int32(type.pgOid()).int32(type.precision()).int32(type.scale())
                .int32(type.length()).uint8(column.nullable() ? 1 : 0).nullableString(column.defaultExpression());
        }
        final int[] primaryKey = schema.primaryKey();
        writer.uint16(primaryKey.length);
        for (final int ordinal : primaryKey)
        {
            writer.uint16(ordinal);
        }
        return writer.toBuffer();
    }

    /**
     * @param buffer holding a table record.
     * @param offset where it starts.
     * @param length its length.
     * @return the table.
     * @throws CorruptionException if the record is malformed or describes an invalid table.
     */
    public static TableDefinition decodeTable(final DirectBuffer buffer, final int offset, final int length)
    {
        final Reader reader = new Reader("table record", buffer, offset, length);
        reader.version();
        final int id = reader.int32();
        final long version = reader.int64();
        final StorageType storage = reader.storage();
        final String name = reader.string();
        final int columnCount = reader.uint16();
        final List<Column> columns = new ArrayList<>(columnCount);
        for (int i = 0; i < columnCount; i++)
        {
            final String columnName = reader.string();
            final ColumnType type = reader.columnType();
            final boolean nullable = reader.flag();
            final String defaultExpression = reader.nullableString();
            columns.add(reader.check(() -> new Column(columnName, type, nullable, defaultExpression, columns.size())));
        }
        final int[] primaryKey = new int[reader.uint16()];
        for (int i = 0; i < primaryKey.length; i++)
        {
            primaryKey[i] = reader.uint16();
        }
        reader.end();
        return reader.check(() -> new TableDefinition(new TableSchema(id, name, columns, primaryKey), storage, version));
    }

    /**
     * @param index an index.
     * @return its record.
     */
    public static DirectBuffer encodeIndex(final IndexDefinition index)
    {
        final Writer writer = new Writer();
        writer.uint8(FORMAT_VERSION).int32(index.id()).int32(index.tableId()).uint8(index.storage().code())
            .uint8(index.unique() ? 1 : 0).string(index.name()).uint16(index.columns().size());
        for (final IndexColumn column : index.columns())
        {
            writer.uint16(column.ordinal()).uint8(column.descending() ? 1 : 0);
        }
        return writer.toBuffer();
    }

    /**
     * @param buffer holding an index record.
     * @param offset where it starts.
     * @param length its length.
     * @return the index.
     * @throws CorruptionException if the record is malformed or describes an invalid index.
     */
    public static IndexDefinition decodeIndex(final DirectBuffer buffer, final int offset, final int length)
    {
        final Reader reader = new Reader("index record", buffer, offset, length);
        reader.version();
        final int id = reader.int32();
        final int tableId = reader.int32();
        final StorageType storage = reader.storage();
        final boolean unique = reader.flag();
        final String name = reader.string();
        final int columnCount = reader.uint16();
        final List<IndexColumn> columns = new ArrayList<>(columnCount);
        for (int i = 0; i < columnCount; i++)
        {
            final int ordinal = reader.uint16();
            columns.add(new IndexColumn(ordinal, reader.flag()));
        }
        reader.end();
        return reader.check(() -> new IndexDefinition(id, name, tableId, columns, unique, storage));
    }

    private static final class Writer
    {
        private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(128);
        private int position;

        Writer uint8(final int value)
        {
            buffer.putByte(position, (byte)value);
            position += 1;
            return this;
        }

        Writer uint16(final int value)
        {
            buffer.putShort(position, (short)value, BYTE_ORDER);
            position += 2;
            return this;
        }

        Writer int32(final int value)
        {
            buffer.putInt(position, value, BYTE_ORDER);
            position += 4;
            return this;
        }

        Writer int64(final long value)
        {
            buffer.putLong(position, value, BYTE_ORDER);
            position += 8;
            return this;
        }

        Writer string(final String value)
        {
            final byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            uint16(bytes.length);
            buffer.putBytes(position, bytes);
            position += bytes.length;
            return this;
        }

        Writer nullableString(final String value)
        {
            if (null == value)
            {
                return int32(NULL_STRING);
            }
            final byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            int32(bytes.length);
            buffer.putBytes(position, bytes);
            position += bytes.length;
            return this;
        }

        DirectBuffer toBuffer()
        {
            return new UnsafeBuffer(Arrays.copyOf(buffer.byteArray(), position));
        }
    }

    private static final class Reader
    {
        private final String what;
        private final DirectBuffer buffer;
        private final int start;
        private final int end;
        private int position;

        Reader(final String what, final DirectBuffer buffer, final int offset, final int length)
        {
            this.what = what;
            this.buffer = buffer;
            this.start = offset;
            this.end = offset + length;
            this.position = offset;
        }

        CorruptionException corrupt(final String detail)
        {
            return new CorruptionException(null, position - start, "catalog " + what + ": " + detail);
        }

        <T> T check(final Supplier<T> constructor)
        {
            try
            {
                return constructor.get();
            }
            catch (final IllegalArgumentException ex)
            {
                throw corrupt("invalid definition: " + ex.getMessage());
            }
        }

        private void need(final int bytes)
        {
            if (bytes < 0 || position + bytes > end)
            {
                throw corrupt("needs " + bytes + " more bytes, record has " + (end - position) + " left");
            }
        }

        void version()
        {
            final int version = uint8();
            if (version != FORMAT_VERSION)
            {
                throw corrupt("format version expected " + FORMAT_VERSION + ", actual " + version);
            }
        }

        int uint8()
        {
            need(1);
            return buffer.getByte(position++) & 0xFF;
        }

        boolean flag()
        {
            final int value = uint8();
            if (value > 1)
            {
                throw corrupt("flag expected 0 or 1, actual " + value);
            }
            return 1 == value;
        }

        int uint16()
        {
            need(2);
            final int value = buffer.getShort(position, BYTE_ORDER) & 0xFFFF;
            position += 2;
            return value;
        }

        int int32()
        {
            need(4);
            final int value = buffer.getInt(position, BYTE_ORDER);
            position += 4;
            return value;
        }

        long int64()
        {
            need(8);
            final long value = buffer.getLong(position, BYTE_ORDER);
            position += 8;
            return value;
        }

        String string()
        {
            return utf8(uint16());
        }

        String nullableString()
        {
            final int length = int32();
            return NULL_STRING == length ? null : utf8(length);
        }

        private String utf8(final int length)
        {
            need(length);
            final String value = buffer.getStringWithoutLengthUtf8(position, length);
            position += length;
            return value;
        }

        StorageType storage()
        {
            final int code = uint8();
            final StorageType storage = StorageType.fromCode(code);
            if (null == storage)
            {
                throw corrupt("unknown storage code " + code);
            }
            return storage;
        }

        ColumnType columnType()
        {
            final int oid = int32();
            final int precision = int32();
            final int scale = int32();
            final int length = int32();
            for (final TypeKind kind : TypeKind.values())
            {
                if (kind.pgOid() == oid)
                {
                    return check(() -> Types.of(kind, precision, scale, length));
                }
            }
            throw corrupt("unknown type OID " + oid);
        }

        void end()
        {
            if (position != end)
            {
                throw corrupt((end - position) + " bytes left after the last field");
            }
        }
    }
}
