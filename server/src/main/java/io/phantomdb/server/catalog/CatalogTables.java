package io.phantomdb.server.catalog;

import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.core.schema.TypeKind;
import io.phantomdb.server.auth.UserStore;
import io.phantomdb.sql.ResultColumn;
import io.phantomdb.sql.SqlDatabase;
import io.phantomdb.sql.SqlMetadata;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Registers the {@code pg_catalog} and {@code information_schema} tables drivers and ORMs read (pg_namespace,
 * pg_class, pg_attribute, pg_type, pg_index, pg_attrdef, pg_constraint, pg_database, pg_am, pg_description,
 * pg_roles, pg_user, pg_settings; information_schema.schemata, tables, columns) as system tables of a database,
 * computed from its metadata on every scan. Only the columns clients commonly read are present; object ids come
 * from {@link PgCatalog}.
 * <p>
 * <b>Note:</b> stateless; the registered suppliers are thread-safe.
 */
public final class CatalogTables
{
    private static final String CATALOG = "pg_catalog";
    private static final String INFORMATION_SCHEMA = "information_schema";

    private CatalogTables()
    {
    }

    /**
     * Registers every table.
     *
     * @param database the database.
     * @param users    the user store, for pg_roles and pg_user.
     */
    public static void register(final SqlDatabase database, final UserStore users)
    {
        table(database, CATALOG, "pg_namespace", "oid:int nspname:text nspowner:int", catalog -> List.of(
            new Object[]{PgCatalog.CATALOG_NAMESPACE, "pg_catalog", 10},
            new Object[]{PgCatalog.PUBLIC_NAMESPACE, "public", 10},
            new Object[]{13000, "information_schema", 10}));
        table(database, CATALOG, "pg_class", "oid:int relname:text relnamespace:int relkind:text relowner:int " +
            "relam:int relhasindex:bool relchecks:smallint relnatts:smallint reltuples:real relpersistence:text " +
            "relispartition:bool reltablespace:int", CatalogTables::classes);
        table(database, CATALOG, "pg_attribute", "attrelid:int attname:text atttypid:int attnum:smallint " +
            "attlen:smallint atttypmod:int attnotnull:bool atthasdef:bool attisdropped:bool attidentity:text " +
            "attgenerated:text attcollation:int", CatalogTables::attributes);
        table(database, CATALOG, "pg_type", "oid:int typname:text typnamespace:int typlen:smallint typtype:text " +
            "typcategory:text typbasetype:int typtypmod:int typnotnull:bool typrelid:int typelem:int typarray:int " +
            "typcollation:int", catalog -> types());
        table(database, CATALOG, "pg_index", "indexrelid:int indrelid:int indnatts:smallint indisunique:bool " +
            "indisprimary:bool indisclustered:bool indisvalid:bool indkey:text", CatalogTables::indexes);
        table(database, CATALOG, "pg_attrdef", "oid:int adrelid:int adnum:smallint adbin:text",
            CatalogTables::defaults);
        table(database, CATALOG, "pg_constraint", "oid:int conname:text connamespace:int contype:text " +
            "conrelid:int conindid:int conkey:text", CatalogTables::constraints);
        table(database, CATALOG, "pg_database", "oid:int datname:text datdba:int encoding:int datcollate:text " +
            "datctype:text datallowconn:bool", catalog -> List.<Object[]>of(
            new Object[]{16300, "phantomdb", 10, 6, "C", "C", true}));
        table(database, CATALOG, "pg_am", "oid:int amname:text amtype:text", catalog -> List.of(
            new Object[]{2, "heap", "t"}, new Object[]{403, "btree", "i"}, new Object[]{405, "hash", "i"},
            new Object[]{9001, "lsm", "i"}));
        table(database, CATALOG, "pg_description", "objoid:int classoid:int objsubid:int description:text",
            catalog -> List.of());
        table(database, CATALOG, "pg_roles", "oid:int rolname:text rolsuper:bool rolcanlogin:bool",
            catalog -> roles(users));
        table(database, CATALOG, "pg_user", "usesysid:int usename:text usesuper:bool", catalog -> roles(users)
            .stream().map(r -> new Object[]{r[0], r[1], r[2]}).toList());
        table(database, CATALOG, "pg_settings", "name:text setting:text unit:text category:text short_desc:text",
            catalog -> List.of(new Object[]{"server_version", "15.0", null, "Preset Options", "PostgreSQL compatible"},
                new Object[]{"server_encoding", "UTF8", null, "Preset Options", "server encoding"},
                new Object[]{"max_identifier_length", "63", null, "Preset Options", "longest identifier"},
                new Object[]{"standard_conforming_strings", "on", null, "Compatibility", "backslashes are literal"}));
        table(database, INFORMATION_SCHEMA, "schemata", "catalog_name:text schema_name:text schema_owner:text",
            catalog -> List.of(new Object[]{"phantomdb", "public", PgCatalog.OWNER},
                new Object[]{"phantomdb", "pg_catalog", PgCatalog.OWNER},
                new Object[]{"phantomdb", "information_schema", PgCatalog.OWNER}));
        table(database, INFORMATION_SCHEMA, "tables", "table_catalog:text table_schema:text table_name:text " +
            "table_type:text", CatalogTables::informationTables);
        table(database, INFORMATION_SCHEMA, "columns", "table_catalog:text table_schema:text table_name:text " +
            "column_name:text ordinal_position:int column_default:text is_nullable:text data_type:text " +
            "character_maximum_length:int numeric_precision:int numeric_scale:int udt_name:text",
            CatalogTables::informationColumns);
    }

    private static void table(
        final SqlDatabase database, final String schema, final String name, final String columns,
        final Function<PgCatalog, List<Object[]>> rows)
    {
        final List<ResultColumn> resultColumns = new ArrayList<>();
        for (final String column : columns.split(" "))
        {
            final String[] parts = column.split(":");
            final ColumnType type = switch (parts[1])
            {
                case "int" -> ColumnType.INTEGER;
                case "smallint" -> ColumnType.SMALLINT;
                case "bool" -> ColumnType.BOOLEAN;
                case "real" -> ColumnType.REAL;
                default -> ColumnType.TEXT;
            };
            resultColumns.add(ResultColumn.computed(parts[0], type));
        }
        database.registerSystemTable(schema, name, resultColumns, () -> rows.apply(new PgCatalog(database.metadata())));
    }

    private static List<Object[]> classes(final PgCatalog catalog)
    {
        final List<Object[]> rows = new ArrayList<>();
        for (final PgCatalog.Relation relation : catalog.relations())
        {
            final SqlMetadata.TableInfo table = relation.table();
            final int am = relation.kind() == 'v' ? 0 : relation.kind() == 'r' ? 2 : 403;
            final int attributes = relation.kind() == 'i' ? relation.index().expressions().size() : table.columns().size();
            rows.add(new Object[]{relation.oid(), relation.name(), PgCatalog.PUBLIC_NAMESPACE,
                Character.toString(relation.kind()), 10, am, relation.kind() == 'r' && !table.indexes().isEmpty(),
                (short)0, (short)attributes, -1.0f, "p", false, 0});
        }
        return rows;
    }

    private static List<Object[]> attributes(final PgCatalog catalog)
    {
        final List<Object[]> rows = new ArrayList<>();
        for (final PgCatalog.Relation relation : catalog.relations())
        {
            if (relation.kind() == 'i')
            {
                continue;
            }
            for (final SqlMetadata.ColumnInfo column : relation.table().columns())
            {
                final ColumnType type = column.type();
                rows.add(new Object[]{relation.oid(), column.name(), type.pgOid(), (short)column.ordinal(),
                    (short)(type.kind().isFixedWidth() ? type.kind().fixedWidth() : -1), type.pgTypeModifier(),
                    !column.nullable(), column.defaultValue() != null, false, "", "", 0});
            }
        }
        return rows;
    }

    private static List<Object[]> types()
    {
        final List<Object[]> rows = new ArrayList<>();
        for (final TypeKind kind : TypeKind.values())
        {
            rows.add(new Object[]{kind.pgOid(), kind.pgTypeName(), PgCatalog.CATALOG_NAMESPACE,
                (short)(kind.isFixedWidth() ? kind.fixedWidth() : -1), "b", category(kind), 0, -1, false, 0, 0, 0,
                kind.isText() ? 100 : 0});
        }
        rows.add(new Object[]{26, "oid", PgCatalog.CATALOG_NAMESPACE, (short)4, "b", "N", 0, -1, false, 0, 0, 0, 0});
        rows.add(new Object[]{19, "name", PgCatalog.CATALOG_NAMESPACE, (short)64, "b", "S", 0, -1, false, 0, 0, 0, 0});
        return rows;
    }

    private static String category(final TypeKind kind)
    {
        return switch (kind)
        {
            case BOOLEAN -> "B";
            case SMALLINT, INTEGER, BIGINT, REAL, DOUBLE_PRECISION, NUMERIC -> "N";
            case DATE, TIME, TIMESTAMP -> "D";
            case BYTEA, JSON -> "U";
            default -> "S";
        };
    }

    private static List<Object[]> indexes(final PgCatalog catalog)
    {
        final List<Object[]> rows = new ArrayList<>();
        for (final PgCatalog.Relation relation : catalog.relations())
        {
            if (relation.kind() != 'i')
            {
                continue;
            }
            final SqlMetadata.TableInfo table = relation.table();
            final SqlMetadata.IndexInfo index = relation.index();
            rows.add(new Object[]{relation.oid(), PgCatalog.oid("rel", table.name()), (short)index.expressions().size(),
                index.unique(), PgCatalog.isPrimaryKey(table, index), false, true, attributeNumbers(table, index)});
        }
        return rows;
    }

    private static String attributeNumbers(final SqlMetadata.TableInfo table, final SqlMetadata.IndexInfo index)
    {
        final StringBuilder numbers = new StringBuilder();
        for (final String expression : index.expressions())
        {
            int number = 0;
            for (final SqlMetadata.ColumnInfo column : table.columns())
            {
                if (column.name().equals(expression))
                {
                    number = column.ordinal();
                }
            }
            numbers.append(numbers.length() == 0 ? "" : " ").append(number);
        }
        return numbers.toString();
    }

    private static List<Object[]> defaults(final PgCatalog catalog)
    {
        final List<Object[]> rows = new ArrayList<>();
        for (final PgCatalog.Relation relation : catalog.relations())
        {
            if (relation.kind() == 'r')
            {
                for (final SqlMetadata.ColumnInfo column : relation.table().columns())
                {
                    if (column.defaultValue() != null)
                    {
                        rows.add(new Object[]{PgCatalog.oid("def", relation.name() + "." + column.name()),
                            relation.oid(), (short)column.ordinal(), column.defaultValue()});
                    }
                }
            }
        }
        return rows;
    }

    private static List<Object[]> constraints(final PgCatalog catalog)
    {
        final List<Object[]> rows = new ArrayList<>();
        for (final PgCatalog.Relation relation : catalog.relations())
        {
            if (relation.kind() == 'i' && relation.index().unique())
            {
                final boolean primary = PgCatalog.isPrimaryKey(relation.table(), relation.index());
                rows.add(new Object[]{PgCatalog.oid("con", relation.name()), relation.name(), PgCatalog.PUBLIC_NAMESPACE,
                    primary ? "p" : "u", PgCatalog.oid("rel", relation.table().name()), relation.oid(),
                    "{" + attributeNumbers(relation.table(), relation.index()).replace(' ', ',') + "}"});
            }
        }
        return rows;
    }

    private static List<Object[]> roles(final UserStore users)
    {
        final List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[]{10, PgCatalog.OWNER, true, true});
        if (users != null)
        {
            for (final UserStore.User user : users.list())
            {
                if (!user.name().equals(PgCatalog.OWNER))
                {
                    rows.add(new Object[]{PgCatalog.oid("role", user.name()), user.name(), user.superuser(), true});
                }
            }
        }
        return rows;
    }

    private static List<Object[]> informationTables(final PgCatalog catalog)
    {
        final List<Object[]> rows = new ArrayList<>();
        for (final PgCatalog.Relation relation : catalog.relations())
        {
            if (relation.kind() != 'i')
            {
                rows.add(new Object[]{"phantomdb", "public", relation.name(),
                    relation.kind() == 'r' ? "BASE TABLE" : "VIEW"});
            }
        }
        return rows;
    }

    private static List<Object[]> informationColumns(final PgCatalog catalog)
    {
        final List<Object[]> rows = new ArrayList<>();
        for (final PgCatalog.Relation relation : catalog.relations())
        {
            if (relation.kind() == 'i')
            {
                continue;
            }
            for (final SqlMetadata.ColumnInfo column : relation.table().columns())
            {
                final ColumnType type = column.type();
                final String dataType = PgCatalog.formatType(type).replaceAll("\\(.*\\)", "");
                rows.add(new Object[]{"phantomdb", "public", relation.name(), column.name(), column.ordinal(),
                    column.defaultValue(), column.nullable() ? "YES" : "NO", dataType,
                    type.length() == ColumnType.UNSPECIFIED ? null : type.length(),
                    type.precision() == ColumnType.UNSPECIFIED ? null : type.precision(),
                    type.precision() == ColumnType.UNSPECIFIED ? null : type.scale(), type.pgTypeName()});
            }
        }
        return rows;
    }
}
