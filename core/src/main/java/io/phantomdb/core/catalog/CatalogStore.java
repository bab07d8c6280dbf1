package io.phantomdb.core.catalog;

import io.phantomdb.CorruptionException;
import io.phantomdb.core.txn.Keyspace;
import io.phantomdb.core.txn.StorageKind;
import io.phantomdb.core.txn.Transaction;
import io.phantomdb.core.txn.TxCursor;
import org.agrona.DirectBuffer;

import java.util.HashMap;
import java.util.Map;

/**
 * Reads and writes the catalog as rows of keyspace 0 ({@link CatalogDescriptor}) through an engine
 * transaction, so catalog changes commit or roll back with it.
 * <p>
 * <b>Note:</b> stateless, safe from any thread; the transaction passed belongs to the calling thread.
 */
public final class CatalogStore
{
    /** The catalog's keyspace: id 0, a B+tree. */
    public static final Keyspace KEYSPACE = new Keyspace(Keyspace.CATALOG_ID, StorageKind.BTREE);

    private CatalogStore()
    {
    }

    /**
     * Read the whole catalog.
     *
     * @param tx a transaction.
     * @return the catalog at the transaction's snapshot; {@link Catalog#EMPTY} for a new database.
     * @throws CorruptionException if a record is malformed or the records do not form a valid catalog.
     */
    public static Catalog load(final Transaction tx)
    {
        final Map<Integer, TableDefinition> tables = new HashMap<>();
        final Map<Integer, IndexDefinition> indexes = new HashMap<>();
        long version = 0;
        int nextId = 1;
        boolean sawMeta = false;
        final TxCursor cursor = tx.cursor(KEYSPACE);
        for (boolean more = cursor.first(); more; more = cursor.next())
        {
            final DirectBuffer key = cursor.key();
            final DirectBuffer value = cursor.value();
            final int length = value.capacity();
            final byte tag = key.getByte(0);
            if (tag == CatalogDescriptor.META_TAG && key.capacity() == 1)
            {
                final long[] meta = CatalogDescriptor.decodeMeta(value, 0, length);
                version = meta[0];
                nextId = (int)meta[1];
                sawMeta = true;
            }
            else if (tag == CatalogDescriptor.TABLE_TAG && key.capacity() == CatalogDescriptor.OBJECT_KEY_LENGTH)
            {
                final TableDefinition table = CatalogDescriptor.decodeTable(value, 0, length);
                tables.put(table.id(), table);
            }
            else if (tag == CatalogDescriptor.INDEX_TAG && key.capacity() == CatalogDescriptor.OBJECT_KEY_LENGTH)
            {
                final IndexDefinition index = CatalogDescriptor.decodeIndex(value, 0, length);
                indexes.put(index.id(), index);
            }
            else
            {
                throw new CorruptionException(null, 0, "catalog keyspace holds an unknown key with tag " + tag +
                    " and length " + key.capacity());
            }
        }
        if (!sawMeta && !tables.isEmpty())
        {
            throw new CorruptionException(null, 0, "catalog has " + tables.size() + " tables but no meta record");
        }
        try
        {
            return new Catalog(version, nextId, tables, indexes);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new CorruptionException(null, 0, "catalog records are inconsistent: " + ex.getMessage());
        }
    }

    /**
     * Write the meta record of a catalog (its version and next id).
     *
     * @param tx      the DDL transaction.
     * @param catalog the catalog being committed.
     */
    public static void writeMeta(final Transaction tx, final Catalog catalog)
    {
        final DirectBuffer key = CatalogDescriptor.metaKey();
        final DirectBuffer value = CatalogDescriptor.encodeMeta(catalog.version(), catalog.nextId());
        tx.put(KEYSPACE, key, 0, key.capacity(), value, 0, value.capacity());
    }

    /**
     * @param tx    the DDL transaction.
     * @param table a new or changed table.
     */
    public static void writeTable(final Transaction tx, final TableDefinition table)
    {
        final DirectBuffer key = CatalogDescriptor.objectKey(CatalogDescriptor.TABLE_TAG, table.id());
        final DirectBuffer value = CatalogDescriptor.encodeTable(table);
        tx.put(KEYSPACE, key, 0, key.capacity(), value, 0, value.capacity());
    }

    /**
     * @param tx    the DDL transaction.
     * @param index a new or changed index.
     */
    public static void writeIndex(final Transaction tx, final IndexDefinition index)
    {
        final DirectBuffer key = CatalogDescriptor.objectKey(CatalogDescriptor.INDEX_TAG, index.id());
        final DirectBuffer value = CatalogDescriptor.encodeIndex(index);
        tx.put(KEYSPACE, key, 0, key.capacity(), value, 0, value.capacity());
    }

    /**
     * @param tx  the DDL transaction.
     * @param tag {@link CatalogDescriptor#TABLE_TAG} or {@link CatalogDescriptor#INDEX_TAG}.
     * @param id  the object's id.
     */
    public static void delete(final Transaction tx, final byte tag, final int id)
    {
        final DirectBuffer key = CatalogDescriptor.objectKey(tag, id);
        tx.delete(KEYSPACE, key, 0, key.capacity());
    }
}
