package io.phantomdb.core.catalog;

import java.util.List;
import java.util.Objects;

/**
 * A secondary index in the catalog: its id (also the id of the keyspace holding its entries), name,
 * table, key columns, uniqueness and storage type.
 * <p>
 * <b>Note:</b> immutable, safe to share between threads.
 */
public final class IndexDefinition
{
    private final int id;
    private final String name;
    private final int tableId;
    private final List<IndexColumn> columns;
    private final boolean unique;
    private final StorageType storage;

    /**
     * @param id      index id and keyspace id, at least 1.
     * @param name    index name, 1 to 63 UTF-8 bytes.
     * @param tableId id of the indexed table.
     * @param columns key columns, at least one, distinct ordinals.
     * @param unique  true for a unique index.
     * @param storage where the entries live.
     * @throws IllegalArgumentException if a value is not allowed, naming it.
     */
    public IndexDefinition(
        final int id,
        final String name,
        final int tableId,
        final List<IndexColumn> columns,
        final boolean unique,
        final StorageType storage)
    {
        this.name = Objects.requireNonNull(name, "name");
        if (id < 1)
        {
            throw new IllegalArgumentException("index \"" + name + "\": id " + id + " must be >= 1 (0 is the catalog)");
        }
        if (columns.isEmpty())
        {
            throw new IllegalArgumentException("index \"" + name + "\" must have at least one column");
        }
        for (int i = 0; i < columns.size(); i++)
        {
            for (int j = 0; j < i; j++)
            {
                if (columns.get(i).ordinal() == columns.get(j).ordinal())
                {
                    throw new IllegalArgumentException(
                        "index \"" + name + "\": column ordinal " + columns.get(i).ordinal() + " appears twice");
                }
            }
        }
        this.id = id;
        this.tableId = tableId;
        this.columns = List.copyOf(columns);
        this.unique = unique;
        this.storage = Objects.requireNonNull(storage, "storage");
    }

    /**
     * @return index id, also its keyspace id.
     */
    public int id()
    {
        return id;
    }

    /**
     * @return index name as created.
     */
    public String name()
    {
        return name;
    }

    /**
     * @return id of the indexed table.
     */
    public int tableId()
    {
        return tableId;
    }

    /**
     * @return key columns in key order, unmodifiable.
     */
    public List<IndexColumn> columns()
    {
        return columns;
    }

    /**
     * @return true for a unique index.
     */
    public boolean unique()
    {
        return unique;
    }

    /**
     * @return where the entries live.
     */
    public StorageType storage()
    {
        return storage;
    }

    /**
     * @param newColumns the key columns renumbered after a column was dropped.
     * @return this index with the new columns.
     */
    public IndexDefinition withColumns(final List<IndexColumn> newColumns)
    {
        return new IndexDefinition(id, name, tableId, newColumns, unique, storage);
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
        if (!(o instanceof IndexDefinition))
        {
            return false;
        }
        final IndexDefinition that = (IndexDefinition)o;
        return id == that.id && tableId == that.tableId && unique == that.unique && name.equals(that.name) &&
            columns.equals(that.columns) && storage == that.storage;
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public int hashCode()
    {
        return Objects.hash(id, name, tableId, columns, unique, storage);
    }

    /**
     * @return the index's name, id, table id, columns and options.
     */
    @Override
    public String toString()
    {
        return "index \"" + name + "\" id " + id + " on table " + tableId + " " + columns +
            (unique ? " unique" : "") + " using " + storage;
    }
}
