package io.phantomdb.core.catalog;

import io.phantomdb.core.schema.TableSchema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One version of the catalog: every table and index, looked up by name (ignoring ASCII case, as SQL
 * identifiers; tables and indexes share one namespace, as PostgreSQL relations do) or by id. A DDL
 * makes a new {@code Catalog} with the {@code with...} methods; the database publishes the committed
 * one with a volatile store.
 * <p>
 * {@link #version()} counts committed DDL transactions; {@link #nextId()} is the next free keyspace id
 * (ids are never reused, so a dropped table's keyspace is never confused with a new one).
 * <p>
 * <b>Note:</b> immutable, safe to share between threads.
 */
public final class Catalog
{
    /** The catalog of a new database: no tables, version 0, first id 1 (keyspace 0 is the catalog). */
    public static final Catalog EMPTY = new Catalog(0, 1, Map.of(), Map.of());

    private final long version;
    private final int nextId;
    private final Map<Integer, TableDefinition> tablesById;
    private final Map<Integer, IndexDefinition> indexesById;
    private final Map<String, TableDefinition> tablesByName = new HashMap<>();
    private final Map<String, IndexDefinition> indexesByName = new HashMap<>();
    private final Map<Integer, List<IndexDefinition>> indexesByTable = new HashMap<>();

    /**
     * @param version     DDL transactions committed so far.
     * @param nextId      next free keyspace id, at least 1.
     * @param tablesById  the tables by id.
     * @param indexesById the indexes by id; each must name a table of {@code tablesById}.
     * @throws IllegalArgumentException if two objects share a name or id, or an index has no table.
     */
    public Catalog(
        final long version,
        final int nextId,
        final Map<Integer, TableDefinition> tablesById,
        final Map<Integer, IndexDefinition> indexesById)
    {
        if (nextId < 1)
        {
            throw new IllegalArgumentException("catalog next id " + nextId + " must be >= 1");
        }
        this.version = version;
        this.nextId = nextId;
        this.tablesById = Collections.unmodifiableMap(new TreeMap<>(tablesById));
        this.indexesById = Collections.unmodifiableMap(new TreeMap<>(indexesById));
        for (final TableDefinition table : this.tablesById.values())
        {
            checkId(table.id(), table.name());
            if (null != tablesByName.putIfAbsent(TableSchema.fold(table.name()), table))
            {
                throw new IllegalArgumentException("catalog has two tables named \"" + table.name() + "\"");
            }
        }
        for (final IndexDefinition index : this.indexesById.values())
        {
            checkId(index.id(), index.name());
            final TableDefinition table = this.tablesById.get(index.tableId());
            if (null == table)
            {
                throw new IllegalArgumentException(
                    "index \"" + index.name() + "\" refers to table id " + index.tableId() + ", which does not exist");
            }
            final String folded = TableSchema.fold(index.name());
            if (tablesByName.containsKey(folded) || null != indexesByName.putIfAbsent(folded, index))
            {
                throw new IllegalArgumentException("catalog has two relations named \"" + index.name() + "\"");
            }
            if (index.tableId() == index.id() || this.tablesById.containsKey(index.id()))
            {
                throw new IllegalArgumentException("index \"" + index.name() + "\" id " + index.id() + " is a table's id");
            }
            for (final IndexColumn column : index.columns())
            {
                if (column.ordinal() >= table.schema().columnCount())
                {
                    throw new IllegalArgumentException("index \"" + index.name() + "\": column ordinal " +
                        column.ordinal() + " is not a column of table \"" + table.name() + "\"");
                }
            }
            indexesByTable.computeIfAbsent(index.tableId(), id -> new ArrayList<>()).add(index);
        }
        indexesByTable.replaceAll((id, list) -> List.copyOf(list));
    }

    private void checkId(final int id, final String name)
    {
        if (id < 1 || id >= nextId)
        {
            throw new IllegalArgumentException(
                "\"" + name + "\" has id " + id + ", outside the allocated ids 1 to " + (nextId - 1));
        }
    }

    /**
     * @return the number of DDL transactions committed to reach this catalog.
     */
    public long version()
    {
        return version;
    }

    /**
     * @return the next free keyspace id.
     */
    public int nextId()
    {
        return nextId;
    }

    /**
     * @return all tables in id order, unmodifiable.
     */
    public Collection<TableDefinition> tables()
    {
        return tablesById.values();
    }

    /**
     * @return all indexes in id order, unmodifiable.
     */
    public Collection<IndexDefinition> indexes()
    {
        return indexesById.values();
    }

    /**
     * @param name a table name, matched ignoring ASCII case.
     * @return the table, or null if there is none.
     */
    public TableDefinition findTable(final String name)
    {
        return tablesByName.get(TableSchema.fold(name));
    }

    /**
     * @param name a table name, matched ignoring ASCII case.
     * @return the table.
     * @throws CatalogException {@link CatalogException#UNDEFINED_TABLE} if there is none.
     */
    public TableDefinition table(final String name)
    {
        final TableDefinition table = findTable(name);
        if (null == table)
        {
            throw new CatalogException(CatalogException.UNDEFINED_TABLE, "table \"" + name + "\" does not exist");
        }
        return table;
    }

    /**
     * @param id a table id.
     * @return the table, or null if there is none.
     */
    public TableDefinition table(final int id)
    {
        return tablesById.get(id);
    }

    /**
     * @param name an index name, matched ignoring ASCII case.
     * @return the index, or null if there is none.
     */
    public IndexDefinition findIndex(final String name)
    {
        return indexesByName.get(TableSchema.fold(name));
    }

    /**
     * @param name an index name, matched ignoring ASCII case.
     * @return the index.
     * @throws CatalogException {@link CatalogException#UNDEFINED_OBJECT} if there is none.
     */
    public IndexDefinition index(final String name)
    {
        final IndexDefinition index = findIndex(name);
        if (null == index)
        {
            throw new CatalogException(CatalogException.UNDEFINED_OBJECT, "index \"" + name + "\" does not exist");
        }
        return index;
    }

    /**
     * @param tableId a table id.
     * @return the table's indexes in id order, empty if none; unmodifiable.
     */
    public List<IndexDefinition> indexesOf(final int tableId)
    {
        return indexesByTable.getOrDefault(tableId, List.of());
    }

    /**
     * @param name a table or index name.
     * @throws CatalogException {@link CatalogException#DUPLICATE_TABLE} if a table or index has that name.
     */
    public void checkNameFree(final String name)
    {
        if (null != findTable(name))
        {
            throw new CatalogException(CatalogException.DUPLICATE_TABLE, "table \"" + name + "\" already exists");
        }
        if (null != findIndex(name))
        {
            throw new CatalogException(
                CatalogException.DUPLICATE_TABLE, "relation \"" + name + "\" already exists (an index has that name)");
        }
    }

    /**
     * @return the next id to allocate.
     * @throws CatalogException {@link CatalogException#PROGRAM_LIMIT} if all ids are used.
     */
    public int allocateId()
    {
        if (nextId == Integer.MAX_VALUE)
        {
            throw new CatalogException(CatalogException.PROGRAM_LIMIT, "no keyspace ids left");
        }
        return nextId;
    }

    /**
     * @param table a new or changed table; a new one must have id {@link #nextId()}.
     * @return a catalog with it, the next version, and ids advanced past it.
     */
    public Catalog withTable(final TableDefinition table)
    {
        final Map<Integer, TableDefinition> tables = new HashMap<>(tablesById);
        tables.put(table.id(), table);
        return new Catalog(version, Math.max(nextId, table.id() + 1), tables, indexesById);
    }

    /**
     * @param tableId a table id.
     * @return a catalog without the table and its indexes.
     */
    public Catalog withoutTable(final int tableId)
    {
        final Map<Integer, TableDefinition> tables = new HashMap<>(tablesById);
        tables.remove(tableId);
        final Map<Integer, IndexDefinition> indexes = new HashMap<>(indexesById);
        indexes.values().removeIf(index -> index.tableId() == tableId);
        return new Catalog(version, nextId, tables, indexes);
    }

    /**
     * @param index a new or changed index; a new one must have id {@link #nextId()}.
     * @return a catalog with it and ids advanced past it.
     */
    public Catalog withIndex(final IndexDefinition index)
    {
        final Map<Integer, IndexDefinition> indexes = new HashMap<>(indexesById);
        indexes.put(index.id(), index);
        return new Catalog(version, Math.max(nextId, index.id() + 1), tablesById, indexes);
    }

    /**
     * @param indexId an index id.
     * @return a catalog without the index.
     */
    public Catalog withoutIndex(final int indexId)
    {
        final Map<Integer, IndexDefinition> indexes = new HashMap<>(indexesById);
        indexes.remove(indexId);
        return new Catalog(version, nextId, tablesById, indexes);
    }

    /**
     * @param newVersion the version to give the catalog.
     * @return this catalog with another version.
     */
    public Catalog withVersion(final long newVersion)
    {
        return new Catalog(newVersion, nextId, tablesById, indexesById);
    }

    /**
     * @return the version, next id and object count.
     */
    @Override
    public String toString()
    {
        return "Catalog{version=" + version + ", nextId=" + nextId + ", tables=" + tablesById.size() +
            ", indexes=" + indexesById.size() + "}";
    }
}
