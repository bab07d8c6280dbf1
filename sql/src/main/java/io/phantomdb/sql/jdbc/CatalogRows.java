package io.phantomdb.sql.jdbc;

import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.core.schema.TypeKind;
import io.phantomdb.sql.ResultColumn;
import io.phantomdb.sql.SqlMetadata;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Builds the result sets of {@link DatabaseMetaData}'s catalog methods from a {@link SqlMetadata}
 * snapshot, with the columns and orders JDBC specifies. Name arguments are LIKE patterns ({@code %},
 * {@code _}, escape {@code \}); null matches everything. The one schema is {@code public}; the catalog is
 * the database's name.
 * <p>
 * <b>Note:</b> stateless, safe from any thread.
 */
final class CatalogRows
{
    private static final ColumnType TEXT = ColumnType.TEXT;
    private static final ColumnType INT = ColumnType.INTEGER;
    private static final ColumnType SHORT = ColumnType.SMALLINT;
    private static final ColumnType BOOL = ColumnType.BOOLEAN;
    private static final ColumnType LONG = ColumnType.BIGINT;
    private static final String SCHEMA = PhantomDatabaseMetaData.SCHEMA;

    private CatalogRows()
    {
    }

    /**
     * @param names  column labels.
     * @param types  one type per label.
     * @return the columns.
     */
    static List<ResultColumn> columns(final String[] names, final ColumnType... types)
    {
        final List<ResultColumn> columns = new ArrayList<>(names.length);
        for (int i = 0; i < names.length; i++)
        {
            columns.add(ResultColumn.computed(names[i], types.length == 0 ? TEXT : types[i]));
        }
        return List.copyOf(columns);
    }

    /**
     * @param names column labels, all TEXT.
     * @return an empty result set with those columns.
     */
    static ResultSet empty(final String... names)
    {
        return new ListResultSet(columns(names), List.of(), null);
    }

    /**
     * @param pattern a LIKE pattern or null.
     * @param value   a name.
     * @return whether the name matches.
     */
    static boolean matches(final String pattern, final String value)
    {
        if (pattern == null)
        {
            return true;
        }
        final StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++)
        {
            final char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length())
            {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            }
            else if (c == '%')
            {
                regex.append(".*");
            }
            else if (c == '_')
            {
                regex.append('.');
            }
            else
            {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(value).matches();
    }

    private static boolean inScope(final String catalog, final String schemaPattern, final String ourCatalog)
    {
        return (catalog == null || catalog.equals(ourCatalog)) && matches(schemaPattern, SCHEMA);
    }

    /**
     * @param defaultValue a column's DEFAULT text, or null.
     * @return whether it draws from a sequence ({@code nextval(...)}, as SERIAL columns do).
     */
    static boolean isSerial(final String defaultValue)
    {
        return defaultValue != null && defaultValue.toLowerCase(Locale.ROOT).contains("nextval(");
    }

    private static String typeName(final SqlMetadata.Kind kind)
    {
        return kind == SqlMetadata.Kind.VIEW ? "VIEW" : "TABLE";
    }

    /**
     * @return {@link DatabaseMetaData#getTables}'s rows for the matching tables and views, by type and name.
     */
    static ResultSet tables(
        final SqlMetadata metadata, final String ourCatalog, final String catalog, final String schemaPattern,
        final String tablePattern, final String[] types)
    {
        final List<Object[]> rows = new ArrayList<>();
        if (inScope(catalog, schemaPattern, ourCatalog))
        {
            for (final SqlMetadata.TableInfo table : metadata.tables())
            {
                final String type = typeName(table.kind());
                if (matches(tablePattern, table.name()) && (types == null || List.of(types).contains(type)))
                {
                    rows.add(new Object[] { ourCatalog, SCHEMA, table.name(), type, null, null, null, null, null, null });
                }
            }
        }
        rows.sort(Comparator.comparing((Object[] r) -> (String)r[3]).thenComparing(r -> (String)r[2]));
        return new ListResultSet(columns(new String[] {
            "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE", "REMARKS", "TYPE_CAT", "TYPE_SCHEM", "TYPE_NAME",
            "SELF_REFERENCING_COL_NAME", "REF_GENERATION" }), rows, null);
    }

    /**
     * @return {@link DatabaseMetaData#getColumns}'s rows, by table and ordinal.
     */
    static ResultSet columns(
        final SqlMetadata metadata, final String ourCatalog, final String catalog, final String schemaPattern,
        final String tablePattern, final String columnPattern)
    {
        final List<Object[]> rows = new ArrayList<>();
        if (inScope(catalog, schemaPattern, ourCatalog))
        {
            for (final SqlMetadata.TableInfo table : sorted(metadata))
            {
                if (!matches(tablePattern, table.name()))
                {
                    continue;
                }
                for (final SqlMetadata.ColumnInfo column : table.columns())
                {
                    if (!matches(columnPattern, column.name()))
                    {
                        continue;
                    }
                    final ColumnType type = column.type();
                    final boolean serial = isSerial(column.defaultValue());
                    rows.add(new Object[] {
                        ourCatalog, SCHEMA, table.name(), column.name(), JdbcTypes.sqlType(type.kind()), type.pgTypeName(),
                        JdbcTypes.precision(type), null, JdbcTypes.scale(type), 10,
                        column.nullable() ? DatabaseMetaData.columnNullable : DatabaseMetaData.columnNoNulls,
                        null, column.defaultValue(), null, null,
                        type.kind().isText() || type.kind() == TypeKind.BYTEA ? JdbcTypes.precision(type) : null,
                        column.ordinal(), column.nullable() ? "YES" : "NO", null, null, null, null,
                        serial ? "YES" : "NO", "NO" });
                }
            }
        }
        return new ListResultSet(columns(new String[] {
            "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "DATA_TYPE", "TYPE_NAME", "COLUMN_SIZE",
            "BUFFER_LENGTH", "DECIMAL_DIGITS", "NUM_PREC_RADIX", "NULLABLE", "REMARKS", "COLUMN_DEF", "SQL_DATA_TYPE",
            "SQL_DATETIME_SUB", "CHAR_OCTET_LENGTH", "ORDINAL_POSITION", "IS_NULLABLE", "SCOPE_CATALOG", "SCOPE_SCHEMA",
            "SCOPE_TABLE", "SOURCE_DATA_TYPE", "IS_AUTOINCREMENT", "IS_GENERATEDCOLUMN" },
            TEXT, TEXT, TEXT, TEXT, INT, TEXT, INT, INT, INT, INT, INT, TEXT, TEXT, INT, INT, INT, INT, TEXT, TEXT, TEXT,
            TEXT, SHORT, TEXT, TEXT), rows, null);
    }

    /**
     * @return {@link DatabaseMetaData#getPrimaryKeys}'s rows, by column name.
     */
    static ResultSet primaryKeys(
        final SqlMetadata metadata, final String ourCatalog, final String catalog, final String schema, final String tableName)
    {
        final List<Object[]> rows = new ArrayList<>();
        if (inScope(catalog, schema, ourCatalog))
        {
            for (final SqlMetadata.TableInfo table : sorted(metadata))
            {
                if (tableName != null && !tableName.equals(table.name()) || table.primaryKey().isEmpty())
                {
                    continue;
                }
                final String name = primaryKeyName(table);
                for (int i = 0; i < table.primaryKey().size(); i++)
                {
                    rows.add(new Object[] { ourCatalog, SCHEMA, table.name(), table.primaryKey().get(i), (short)(i + 1), name });
                }
            }
        }
        rows.sort(Comparator.comparing((Object[] r) -> (String)r[3]));
        return new ListResultSet(columns(new String[] { "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ",
            "PK_NAME" }, TEXT, TEXT, TEXT, TEXT, SHORT, TEXT), rows, null);
    }

    private static String primaryKeyName(final SqlMetadata.TableInfo table)
    {
        for (final SqlMetadata.IndexInfo index : table.indexes())
        {
            if (index.unique() && index.expressions().equals(table.primaryKey()))
            {
                return index.name();
            }
        }
        return table.name() + "_pkey";
    }

    /**
     * @return {@link DatabaseMetaData#getIndexInfo}'s rows: one per index key part, unique indexes first.
     */
    static ResultSet indexInfo(
        final SqlMetadata metadata, final String ourCatalog, final String catalog, final String schema, final String tableName,
        final boolean unique)
    {
        final List<Object[]> rows = new ArrayList<>();
        if (inScope(catalog, schema, ourCatalog))
        {
            for (final SqlMetadata.TableInfo table : sorted(metadata))
            {
                if (tableName != null && !tableName.equals(table.name()))
                {
                    continue;
                }
                for (final SqlMetadata.IndexInfo index : table.indexes())
                {
                    if (unique && !index.unique())
                    {
                        continue;
                    }
                    final short type = "hash".equals(index.method()) ?
                        DatabaseMetaData.tableIndexHashed : DatabaseMetaData.tableIndexOther;
                    for (int i = 0; i < index.expressions().size(); i++)
                    {
                        final boolean descending = i < index.descending().size() && index.descending().get(i);
                        rows.add(new Object[] { ourCatalog, SCHEMA, table.name(), !index.unique(), null, index.name(), type,
                            (short)(i + 1), index.expressions().get(i), descending ? "D" : "A", null, null, null });
                    }
                }
            }
        }
        rows.sort(Comparator.comparing((Object[] r) -> (Boolean)r[3]).thenComparing(r -> (String)r[5])
            .thenComparing(r -> (Short)r[7]));
        return new ListResultSet(columns(new String[] { "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "NON_UNIQUE",
            "INDEX_QUALIFIER", "INDEX_NAME", "TYPE", "ORDINAL_POSITION", "COLUMN_NAME", "ASC_OR_DESC", "CARDINALITY", "PAGES",
            "FILTER_CONDITION" }, TEXT, TEXT, TEXT, BOOL, TEXT, TEXT, SHORT, SHORT, TEXT, TEXT, LONG, LONG, TEXT), rows, null);
    }

    /**
     * @return {@link DatabaseMetaData#getBestRowIdentifier}'s rows: the primary key's columns.
     */
    static ResultSet bestRowIdentifier(
        final SqlMetadata metadata, final String ourCatalog, final String catalog, final String schema, final String tableName)
    {
        final List<Object[]> rows = new ArrayList<>();
        if (inScope(catalog, schema, ourCatalog))
        {
            for (final SqlMetadata.TableInfo table : metadata.tables())
            {
                if (!table.name().equals(tableName))
                {
                    continue;
                }
                for (final String key : table.primaryKey())
                {
                    for (final SqlMetadata.ColumnInfo column : table.columns())
                    {
                        if (column.name().equals(key))
                        {
                            final ColumnType type = column.type();
                            rows.add(new Object[] { (short)DatabaseMetaData.bestRowSession, key, JdbcTypes.sqlType(type.kind()),
                                type.pgTypeName(), JdbcTypes.precision(type), null, (short)JdbcTypes.scale(type),
                                (short)DatabaseMetaData.bestRowNotPseudo });
                        }
                    }
                }
            }
        }
        return new ListResultSet(columns(new String[] { "SCOPE", "COLUMN_NAME", "DATA_TYPE", "TYPE_NAME", "COLUMN_SIZE",
            "BUFFER_LENGTH", "DECIMAL_DIGITS", "PSEUDO_COLUMN" }, SHORT, TEXT, INT, TEXT, INT, INT, SHORT, SHORT), rows, null);
    }

    /**
     * @return {@link DatabaseMetaData#getSchemas}'s row for {@code public}, if it matches.
     */
    static ResultSet schemas(final String ourCatalog, final String catalog, final String schemaPattern)
    {
        final List<Object[]> rows = new ArrayList<>();
        if (inScope(catalog, schemaPattern, ourCatalog))
        {
            rows.add(new Object[] { SCHEMA, ourCatalog });
        }
        return new ListResultSet(columns(new String[] { "TABLE_SCHEM", "TABLE_CATALOG" }), rows, null);
    }

    /**
     * @return {@link DatabaseMetaData#getCatalogs}'s one row.
     */
    static ResultSet catalogs(final String ourCatalog)
    {
        final List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] { ourCatalog });
        return new ListResultSet(columns(new String[] { "TABLE_CAT" }), rows, null);
    }

    /**
     * @return {@link DatabaseMetaData#getTableTypes}'s rows: TABLE and VIEW.
     */
    static ResultSet tableTypes()
    {
        final List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] { "TABLE" });
        rows.add(new Object[] { "VIEW" });
        return new ListResultSet(columns(new String[] { "TABLE_TYPE" }), rows, null);
    }

    /**
     * @return {@link DatabaseMetaData#getTypeInfo}'s rows, one per type kind, by JDBC type code.
     */
    static ResultSet typeInfo()
    {
        final List<Object[]> rows = new ArrayList<>();
        for (final TypeKind kind : TypeKind.values())
        {
            final ColumnType type = widest(kind);
            final boolean quoted = !JdbcTypes.isSigned(kind) && kind != TypeKind.BOOLEAN;
            final String params = kind == TypeKind.NUMERIC ? "precision,scale" :
                kind == TypeKind.CHAR || kind == TypeKind.VARCHAR ? "length" : null;
            rows.add(new Object[] {
                kind.pgTypeName(), JdbcTypes.sqlType(kind), JdbcTypes.precision(type), quoted ? "'" : null, quoted ? "'" : null,
                params, (short)DatabaseMetaData.typeNullable, kind.isText(),
                (short)(kind == TypeKind.BYTEA ? DatabaseMetaData.typePredBasic : DatabaseMetaData.typeSearchable),
                !JdbcTypes.isSigned(kind), false, false, type.sqlName().toLowerCase(Locale.ROOT), (short)0,
                (short)(kind == TypeKind.NUMERIC ? ColumnType.MAX_NUMERIC_PRECISION : JdbcTypes.scale(type)), null, null, 10 });
        }
        rows.sort(Comparator.comparing((Object[] r) -> (Integer)r[1]));
        return new ListResultSet(columns(new String[] { "TYPE_NAME", "DATA_TYPE", "PRECISION", "LITERAL_PREFIX",
            "LITERAL_SUFFIX", "CREATE_PARAMS", "NULLABLE", "CASE_SENSITIVE", "SEARCHABLE", "UNSIGNED_ATTRIBUTE",
            "FIXED_PREC_SCALE", "AUTO_INCREMENT", "LOCAL_TYPE_NAME", "MINIMUM_SCALE", "MAXIMUM_SCALE", "SQL_DATA_TYPE",
            "SQL_DATETIME_SUB", "NUM_PREC_RADIX" }, TEXT, INT, INT, TEXT, TEXT, TEXT, SHORT, BOOL, SHORT, BOOL, BOOL, BOOL,
            TEXT, SHORT, SHORT, INT, INT, INT), rows, null);
    }

    private static ColumnType widest(final TypeKind kind)
    {
        switch (kind)
        {
            case NUMERIC:
                return ColumnType.numeric(ColumnType.MAX_NUMERIC_PRECISION, 0);
            case CHAR:
                return ColumnType.character(ColumnType.MAX_CHAR_LENGTH);
            case VARCHAR:
                return ColumnType.VARCHAR;
            default:
                for (final ColumnType type : List.of(ColumnType.BOOLEAN, ColumnType.SMALLINT, ColumnType.INTEGER,
                    ColumnType.BIGINT, ColumnType.REAL, ColumnType.DOUBLE_PRECISION, ColumnType.TEXT, ColumnType.BYTEA,
                    ColumnType.DATE, ColumnType.TIME, ColumnType.TIMESTAMP, ColumnType.JSON))
                {
                    if (type.kind() == kind)
                    {
                        return type;
                    }
                }
                throw new IllegalArgumentException("no type for " + kind);
        }
    }

    /**
     * @return {@link DatabaseMetaData#getClientInfoProperties}'s rows.
     */
    static ResultSet clientInfoProperties()
    {
        final List<Object[]> rows = new ArrayList<>();
        for (final String name : PhantomConnection.clientInfoNames())
        {
            rows.add(new Object[] { name, 1024, null, "remembered by the connection, not used by the database" });
        }
        return new ListResultSet(columns(new String[] { "NAME", "MAX_LEN", "DEFAULT_VALUE", "DESCRIPTION" },
            TEXT, INT, TEXT, TEXT), rows, null);
    }

    private static List<SqlMetadata.TableInfo> sorted(final SqlMetadata metadata)
    {
        final List<SqlMetadata.TableInfo> tables = new ArrayList<>(metadata.tables());
        tables.sort(Comparator.comparing(SqlMetadata.TableInfo::name));
        return tables;
    }
}
