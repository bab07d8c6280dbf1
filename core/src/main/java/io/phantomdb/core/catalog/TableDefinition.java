package io.phantomdb.core.catalog;

import io.phantomdb.core.row.RowLayout;
import io.phantomdb.core.schema.TableSchema;

import java.util.Objects;

/**
 * A table in the catalog: its schema (whose table id is also the id of the keyspace holding its rows),
 * its storage type and its schema version. The version starts at 1 and grows by one with every DDL that
 * changes the table or its indexes, so a transaction can tell that the definition it used is stale.
 * <p>
 * <b>Note:</b> immutable, safe to share between threads.
 */
public final class TableDefinition
{
    private final TableSchema schema;
    private final StorageType storage;
    private final long version;
    private final RowLayout layout;

    /**
     * @param schema  the table's schema; its id is the table's keyspace id, at least 1.
     * @param storage {@link StorageType#BTREE} or {@link StorageType#LSM}.
     * @param version the schema version, at least 1.
     * @throws IllegalArgumentException if the id, storage or version is not allowed.
     */
    public TableDefinition(final TableSchema schema, final StorageType storage, final long version)
    {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.storage = Objects.requireNonNull(storage, "storage");
        if (schema.tableId() < 1)
        {
            throw new IllegalArgumentException(
                "table \"" + schema.name() + "\": id " + schema.tableId() + " must be >= 1 (0 is the catalog)");
        }
        if (storage == StorageType.HASH)
        {
            throw new IllegalArgumentException(
                "table \"" + schema.name() + "\": storage HASH is for indexes only, use BTREE or LSM");
        }
        if (version < 1)
        {
            throw new IllegalArgumentException("table \"" + schema.name() + "\": version " + version + " must be >= 1");
        }
        this.version = version;
        this.layout = RowLayout.of(schema);
    }

    /**
     * @return the schema.
     */
    public TableSchema schema()
    {
        return schema;
    }

    /**
     * @return the table id, which is also its keyspace id.
     */
    public int id()
    {
        return schema.tableId();
    }

    /**
     * @return the table name as created.
     */
    public String name()
    {
        return schema.name();
    }

    /**
     * @return where the rows live.
     */
    public StorageType storage()
    {
        return storage;
    }

    /**
     * @return the schema version, from 1.
     */
    public long version()
    {
        return version;
    }

    /**
     * @return the layout of the table's rows, computed once.
     */
    public RowLayout layout()
    {
        return layout;
    }

    /**
     * @param newSchema the changed schema, same id.
     * @return a definition with the new schema and the next version.
     */
    public TableDefinition withSchema(final TableSchema newSchema)
    {
        return new TableDefinition(newSchema, storage, version + 1);
    }

    /**
     * @return the same definition at the next version (its indexes changed).
     */
    public TableDefinition nextVersion()
    {
        return new TableDefinition(schema, storage, version + 1);
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public boolean equals(final Object o)
    {
        if (this == o)
        {
            return true;
        }
        if (!(o instanceof TableDefinition))
        {
            return false;
        }
        final TableDefinition that = (TableDefinition)o;
        return version == that.version && storage == that.storage && schema.equals(that.schema);
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public int hashCode()
    {
        return Objects.hash(schema, storage, version);
    }

    /**
     * @return the schema, storage and version.
     */
    @Override
    public String toString()
    {
        return schema + " storage " + storage + " version " + version;
    }
}
