package io.phantomdb.server.catalog;

import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.sql.SqlMetadata;

import java.util.ArrayList;
import java.util.List;

/**
 * One snapshot of the schema in PostgreSQL's terms: every relation (table, view, index) with a stable object id,
 * {@code format_type} names, {@code pg_get_indexdef} texts and primary-key detection.
 * <p>
 * Object ids are derived from names (16384 and up, as user objects in PostgreSQL), so they stay the same
 * between the queries a client sends one after the other.
 * <p>
 * <b>Note:</b> immutable, thread-safe.
 */
public final class PgCatalog
{
    /** The OID of the {@code public} namespace. */
    public static final int PUBLIC_NAMESPACE = 2200;
    /** The OID of the {@code pg_catalog} namespace. */
    public static final int CATALOG_NAMESPACE = 11;
    /** The owner reported for every object. */
    public static final String OWNER = "phantom";

    /**
     * One relation.
     *
     * @param oid    its object id.
     * @param name   its name.
     * @param kind   {@code r} table, {@code v} view, {@code i} index.
     * @param table  the table itself, or for an index the table it belongs to.
     * @param index  the index, or null for tables and views.
     */
    public record Relation(int oid, String name, char kind, SqlMetadata.TableInfo table, SqlMetadata.IndexInfo index)
    {
        /**
         * @return the psql word for the kind.
         */
        public String kindName()
        {
            return kind == 'r' ? "table" : kind == 'v' ? "view" : "index";
        }
    }

    private final SqlMetadata metadata;
    private final List<Relation> relations = new ArrayList<>();

    /**
     * @param metadata the schema snapshot.
     */
    public PgCatalog(final SqlMetadata metadata)
    {
        this.metadata = metadata;
        for (final SqlMetadata.TableInfo table : metadata.tables())
        {
            final char kind = table.kind() == SqlMetadata.Kind.VIEW ? 'v' : 'r';
            relations.add(new Relation(oid("rel", table.name()), table.name(), kind, table, null));
            for (final SqlMetadata.IndexInfo index : table.indexes())
            {
                relations.add(new Relation(oid("idx", index.name()), index.name(), 'i', table, index));
            }
        }
    }

    /**
     * @return the metadata underneath.
     */
    public SqlMetadata metadata()
    {
        return metadata;
    }

    /**
     * @return tables, views and indexes.
     */
    public List<Relation> relations()
    {
        return relations;
    }

    /**
     * @param oid an object id.
     * @return the relation, or null.
     */
    public Relation relation(final long oid)
    {
        for (final Relation relation : relations)
        {
            if (relation.oid() == oid)
            {
                return relation;
            }
        }
        return null;
    }

    /**
     * @param kind a prefix keeping kinds apart.
     * @param name the object's name.
     * @return a stable object id, at least 16384.
     */
    public static int oid(final String kind, final String name)
    {
        return 16384 + ((kind + ":" + name).hashCode() & 0x3FFF_FFFF) % 1_000_000_000;
    }

    /**
     * @param table a table.
     * @param index one of its indexes.
     * @return whether the index is the table's primary key.
     */
    public static boolean isPrimaryKey(final SqlMetadata.TableInfo table, final SqlMetadata.IndexInfo index)
    {
        return index.unique() && !table.primaryKey().isEmpty() && index.expressions().equals(table.primaryKey()) &&
            (index.name().endsWith("_pkey") || table.indexes().stream().filter(i -> i.expressions()
                .equals(table.primaryKey()) && i.unique()).findFirst().orElse(null) == index);
    }

    /**
     * @param table a table.
     * @param index one of its indexes.
     * @return PostgreSQL's {@code pg_get_indexdef} text.
     */
    public static String indexDefinition(final SqlMetadata.TableInfo table, final SqlMetadata.IndexInfo index)
    {
        final StringBuilder text = new StringBuilder("CREATE ");
        if (index.unique())
        {
            text.append("UNIQUE ");
        }
        text.append("INDEX ").append(index.name()).append(" ON public.").append(table.name()).append(" USING ")
            .append(index.method()).append(" (");
        for (int i = 0; i < index.expressions().size(); i++)
        {
            if (i > 0)
            {
                text.append(", ");
            }
            text.append(index.expressions().get(i));
            if (i < index.descending().size() && index.descending().get(i))
            {
                text.append(" DESC");
            }
        }
        return text.append(')').toString();
    }

    /**
     * @param type a column type.
     * @return PostgreSQL's {@code format_type} text, for example {@code character varying(40)}.
     */
    public static String formatType(final ColumnType type)
    {
        return switch (type.kind())
        {
            case BOOLEAN -> "boolean";
            case SMALLINT -> "smallint";
            case INTEGER -> "integer";
            case BIGINT -> "bigint";
            case REAL -> "real";
            case DOUBLE_PRECISION -> "double precision";
            case NUMERIC -> type.precision() == ColumnType.UNSPECIFIED ? "numeric" :
                "numeric(" + type.precision() + "," + type.scale() + ")";
            case CHAR -> "character(" + type.length() + ")";
            case VARCHAR -> type.length() == ColumnType.UNSPECIFIED ? "character varying" :
                "character varying(" + type.length() + ")";
            case TEXT -> "text";
            case BYTEA -> "bytea";
            case DATE -> "date";
            case TIME -> "time without time zone";
            case TIMESTAMP -> "timestamp without time zone";
            case JSON -> "json";
        };
    }
}
