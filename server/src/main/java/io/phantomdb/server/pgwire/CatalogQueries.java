package io.phantomdb.server.pgwire;

import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.server.catalog.PgCatalog;
import io.phantomdb.sql.ResultColumn;
import io.phantomdb.sql.SqlDatabase;
import io.phantomdb.sql.SqlMetadata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Catalog queries of psql ({@code \d}, {@code \dt}, {@code \di}, {@code \dv}, {@code \d name}, {@code \l}) and of
 * pgjdbc's {@code DatabaseMetaData.getTables/getColumns}, recognised by their shape and answered from
 * {@link SqlDatabase#metadata()}. These queries use regular-expression operators, {@code ::regclass},
 * {@code COLLATE} and catalog functions the engine does not have; answering them here keeps the engine free of
 * PostgreSQL's catalog internals. Queries about features PhantomDB lacks (policies, statistics objects,
 * publications, inheritance, triggers) get an empty result with the columns the client expects.
 * <p>
 * <b>Note:</b> not thread-safe; one per connection.
 */
final class CatalogQueries
{
    private static final Pattern RELNAME_REGEX = Pattern.compile("c\\.relname OPERATOR\\(pg_catalog\\.~\\) '((?:[^']|'')*)'");
    private static final Pattern RELNAME_EQUALS = Pattern.compile("c\\.relname = '((?:[^']|'')*)'");
    private static final Pattern RELKINDS = Pattern.compile("c\\.relkind IN \\(([^)]*)\\)");
    private static final Pattern OID_LITERAL = Pattern.compile("(?:c\\.oid|a\\.attrelid) = '(\\d+)'");
    private static final Pattern LIKE = Pattern.compile("(\\w+(?:\\.\\w+)?) LIKE (?:E)?'((?:[^']|'')*)'");
    private static final Pattern UNQUALIFIED_CATALOG = Pattern.compile(
        "(?i)(\\bFROM|\\bJOIN|,)(\\s+)(pg_type|pg_namespace|pg_class|pg_attribute|pg_index|pg_attrdef|pg_constraint|" +
        "pg_database|pg_am|pg_description|pg_roles|pg_user|pg_settings)\\b(?!\\s*\\()");
    private static final Pattern TABLE_IS_VISIBLE = Pattern.compile(
        "(?i)(?:pg_catalog\\.)?pg_table_is_visible\\s*\\(\\s*[\\w.]+\\s*\\)");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$(\\d+)");
    private static final List<String> JDBC_COLUMN_LABELS = List.of("nspname", "relname", "attname", "atttypid",
        "attnotnull", "atttypmod", "attlen", "typtypmod", "attnum", "attidentity", "attgenerated", "adsrc",
        "description", "typbasetype", "typtype");
    private static final String[] EMPTY_SOURCES = {
        "FROM pg_catalog.pg_policy", "FROM pg_catalog.pg_statistic_ext", "FROM pg_catalog.pg_publication",
        "pg_catalog.pg_inherits", "FROM pg_catalog.pg_trigger", "FROM pg_catalog.pg_constraint r",
        "FROM pg_catalog.pg_rewrite", "FROM pg_catalog.pg_event_trigger", "FROM pg_catalog.pg_foreign_table"};

    private final SqlDatabase database;
    private final String databaseName;

    CatalogQueries(final SqlDatabase database, final String databaseName)
    {
        this.database = database;
        this.databaseName = databaseName;
    }

    /**
     * Prepares a catalog query for the engine: qualifies catalog tables named without their schema
     * ({@code FROM pg_type}) with {@code pg_catalog.}, as PostgreSQL's implicit search path does, and replaces
     * {@code pg_table_is_visible(oid)} by {@code true} (every PhantomDB relation lives in {@code public}).
     *
     * @param sql a statement.
     * @return the statement, rewritten only where a catalog table follows FROM, JOIN or a comma, or where
     * {@code pg_table_is_visible} is called.
     */
    static String qualify(final String sql)
    {
        if (sql.indexOf("pg_") < 0)
        {
            return sql;
        }
        final String qualified = UNQUALIFIED_CATALOG.matcher(sql).replaceAll("$1$2pg_catalog.$3");
        return TABLE_IS_VISIBLE.matcher(qualified).replaceAll("true");
    }

    /**
     * @param sql one statement, trimmed.
     * @return the server's answer, or null to let the engine run it.
     */
    ServerStatement intercept(final String sql)
    {
        if (!sql.regionMatches(true, 0, "SELECT", 0, 6) || !sql.contains("pg_catalog."))
        {
            return null;
        }
        final String flat = sql.replaceAll("\\s+", " ");
        final List<String> labels = selectLabels(flat);
        if (flat.contains("c.relname as \"Name\"") && flat.contains("c.relkind IN ("))
        {
            return answer(flat, labels, (catalog, text) -> listRelations(catalog, text, labels));
        }
        if (flat.startsWith("SELECT c.oid, n.nspname, c.relname FROM pg_catalog.pg_class c"))
        {
            return answer(flat, labels, CatalogQueries::lookup);
        }
        if (flat.startsWith("SELECT c.relchecks, c.relkind"))
        {
            return answer(flat, labels, (catalog, text) -> tableDetails(catalog, text, labels.size()));
        }
        if (flat.startsWith("SELECT a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod)"))
        {
            return answer(flat, labels, (catalog, text) -> psqlColumns(catalog, text, labels));
        }
        if (flat.startsWith("SELECT c2.relname, i.indisprimary"))
        {
            return answer(flat, labels, (catalog, text) -> psqlIndexes(catalog, text, labels.size()));
        }
        if (flat.contains("FROM pg_catalog.pg_database d"))
        {
            return answer(flat, labels, (catalog, text) -> databases(labels));
        }
        if (flat.contains("AS \"TABLE_CAT\"") && flat.contains("AS \"TABLE_TYPE\"") &&
            flat.contains("FROM pg_catalog.pg_namespace n, pg_catalog.pg_class c"))
        {
            return answer(flat, labels, this::jdbcTables);
        }
        if (flat.contains("AS adsrc") && flat.contains("attidentity") && flat.contains("pg_catalog.pg_attribute a"))
        {
            return answer(flat, JDBC_COLUMN_LABELS, CatalogQueries::jdbcColumns);
        }
        if (flat.contains("pg_catalog.pg_partitioned_table"))
        {
            return answer(flat, labels, CatalogQueries::partitioning);
        }
        for (final String source : EMPTY_SOURCES)
        {
            if (flat.contains(source))
            {
                return answer(flat, labels, (catalog, text) -> new ArrayList<>());
            }
        }
        return null;
    }

    private ServerStatement answer(
        final String flat, final List<String> labels, final BiFunction<PgCatalog, String, List<Object[]>> rows)
    {
        final List<ResultColumn> columns = new ArrayList<>(labels.size());
        for (final String label : labels)
        {
            columns.add(ResultColumn.computed(label, ColumnType.TEXT));
        }
        int parameters = 0;
        final Matcher placeholder = PLACEHOLDER.matcher(flat);
        while (placeholder.find())
        {
            parameters = Math.max(parameters, Integer.parseInt(placeholder.group(1)));
        }
        return ServerStatement.catalog(columns, parameters, values ->
            ListResult.rows(columns, rows.apply(new PgCatalog(database.metadata()), substitute(flat, values))));
    }

    /**
     * Replaces {@code $n} with the parameters as quoted literals, so parameterised catalog queries read like
     * literal ones.
     */
    private static String substitute(final String flat, final Object[] values)
    {
        if (values.length == 0)
        {
            return flat;
        }
        final Matcher placeholder = PLACEHOLDER.matcher(flat);
        final StringBuilder text = new StringBuilder();
        while (placeholder.find())
        {
            final Object value = values[Integer.parseInt(placeholder.group(1)) - 1];
            placeholder.appendReplacement(text, Matcher.quoteReplacement(
                value == null ? "NULL" : "'" + PgTypes.text(value).replace("'", "''") + "'"));
        }
        placeholder.appendTail(text);
        return text.toString();
    }

    private static List<Object[]> listRelations(final PgCatalog catalog, final String flat, final List<String> labels)
    {
        final Matcher kinds = RELKINDS.matcher(flat);
        final String wanted = kinds.find() ? kinds.group(1) : "'r'";
        final Pattern name = namePattern(flat);
        final List<PgCatalog.Relation> matches = new ArrayList<>();
        for (final PgCatalog.Relation relation : catalog.relations())
        {
            if (wanted.contains("'" + relation.kind() + "'") && (name == null || name.matcher(relation.name()).matches()))
            {
                matches.add(relation);
            }
        }
        matches.sort(Comparator.comparing(PgCatalog.Relation::name));
        final List<Object[]> rows = new ArrayList<>();
        for (final PgCatalog.Relation relation : matches)
        {
            final Object[] row = new Object[labels.size()];
            for (int i = 0; i < row.length; i++)
            {
                row[i] = switch (labels.get(i))
                {
                    case "Schema" -> "public";
                    case "Name" -> relation.name();
                    case "Type" -> relation.kindName();
                    case "Owner" -> PgCatalog.OWNER;
                    case "Table" -> relation.kind() == 'i' ? relation.table().name() : null;
                    case "Persistence" -> "permanent";
                    case "Access method" -> relation.kind() == 'i' ? relation.index().method() :
                        relation.kind() == 'r' ? relation.table().storage() : null;
                    case "Size" -> "0 bytes";
                    default -> null;
                };
            }
            rows.add(row);
        }
        return rows;
    }

    /**
     * pgbench's check that its tables exist and whether they are partitioned: (search-path position, partition
     * strategy, partition count) for an existing table, nothing otherwise.
     */
    private static List<Object[]> partitioning(final PgCatalog catalog, final String flat)
    {
        final Matcher name = RELNAME_EQUALS.matcher(flat);
        final List<Object[]> rows = new ArrayList<>();
        if (name.find())
        {
            for (final PgCatalog.Relation relation : catalog.relations())
            {
                if (relation.kind() == 'r' && relation.name().equals(name.group(1)))
                {
                    rows.add(new Object[]{2, null, 0});
                }
            }
        }
        return rows;
    }

    private static List<Object[]> lookup(final PgCatalog catalog, final String flat)
    {
        final Pattern name = namePattern(flat);
        final List<Object[]> rows = new ArrayList<>();
        for (final PgCatalog.Relation relation : catalog.relations())
        {
            if (relation.kind() != 'i' && (name == null || name.matcher(relation.name()).matches()))
            {
                rows.add(new Object[]{relation.oid(), "public", relation.name()});
            }
        }
        rows.sort(Comparator.comparing(row -> (String)row[2]));
        return rows;
    }

    private static List<Object[]> tableDetails(final PgCatalog catalog, final String flat, final int width)
    {
        final PgCatalog.Relation relation = relationOf(catalog, flat);
        final List<Object[]> rows = new ArrayList<>();
        if (relation != null)
        {
            final Object[] values = {0, Character.toString(relation.kind()), !relation.table().indexes().isEmpty(),
                false, false, false, false, false, false, "", 0, "", "p", "d",
                relation.kind() == 'r' ? "heap" : null};
            final Object[] row = new Object[width];
            System.arraycopy(values, 0, row, 0, Math.min(width, values.length));
            rows.add(row);
        }
        return rows;
    }

    private static List<Object[]> psqlColumns(final PgCatalog catalog, final String flat, final List<String> labels)
    {
        final PgCatalog.Relation relation = relationOf(catalog, flat);
        final List<Object[]> rows = new ArrayList<>();
        if (relation == null)
        {
            return rows;
        }
        for (final SqlMetadata.ColumnInfo column : relation.table().columns())
        {
            final Object[] row = new Object[labels.size()];
            final Object[] known = {column.name(), PgCatalog.formatType(column.type()), column.defaultValue(),
                !column.nullable(), null, "", ""};
            System.arraycopy(known, 0, row, 0, Math.min(row.length, known.length));
            for (int i = known.length; i < row.length; i++)
            {
                row[i] = labels.get(i).contains("storage") ? (column.type().isFixedWidth() ? "plain" : "extended") : null;
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<Object[]> psqlIndexes(final PgCatalog catalog, final String flat, final int width)
    {
        final PgCatalog.Relation relation = relationOf(catalog, flat);
        final List<Object[]> rows = new ArrayList<>();
        if (relation == null)
        {
            return rows;
        }
        final SqlMetadata.TableInfo table = relation.table();
        for (final SqlMetadata.IndexInfo index : table.indexes())
        {
            final boolean primary = PgCatalog.isPrimaryKey(table, index);
            final Object[] values = {index.name(), primary, index.unique(), false, true,
                PgCatalog.indexDefinition(table, index),
                primary ? "PRIMARY KEY (" + String.join(", ", index.expressions()) + ")" : null,
                primary ? "p" : null, primary ? false : null, primary ? false : null, false, 0};
            final Object[] row = new Object[width];
            System.arraycopy(values, 0, row, 0, Math.min(width, values.length));
            rows.add(row);
        }
        rows.sort(Comparator.comparing((Object[] row) -> !(Boolean)row[1]).thenComparing(row -> (String)row[0]));
        return rows;
    }

    private List<Object[]> databases(final List<String> labels)
    {
        final Object[] row = new Object[labels.size()];
        for (int i = 0; i < row.length; i++)
        {
            row[i] = switch (labels.get(i))
            {
                case "Name" -> databaseName;
                case "Owner" -> PgCatalog.OWNER;
                case "Encoding" -> "UTF8";
                case "Collate", "Ctype" -> "C";
                case "Locale Provider" -> "libc";
                default -> null;
            };
        }
        final List<Object[]> rows = new ArrayList<>();
        rows.add(row);
        return rows;
    }

    private List<Object[]> jdbcTables(final PgCatalog catalog, final String flat)
    {
        final Pattern schema = like(flat, "n.nspname");
        final Pattern name = like(flat, "c.relname");
        final boolean tables = flat.contains("c.relkind = 'r'") || flat.contains("c.relkind IN ('r','p')");
        final boolean views = flat.contains("c.relkind = 'v'");
        final List<Object[]> rows = new ArrayList<>();
        if (schema != null && !schema.matcher("public").matches())
        {
            return rows;
        }
        for (final PgCatalog.Relation relation : catalog.relations())
        {
            final boolean wanted = relation.kind() == 'r' ? tables : relation.kind() == 'v' && views;
            if (wanted && (name == null || name.matcher(relation.name()).matches()))
            {
                rows.add(new Object[]{databaseName, "public", relation.name(), relation.kind() == 'r' ? "TABLE" : "VIEW",
                    null, "", "", "", "", ""});
            }
        }
        rows.sort(Comparator.comparing((Object[] row) -> (String)row[3]).thenComparing(row -> (String)row[2]));
        return rows;
    }

    private static List<Object[]> jdbcColumns(final PgCatalog catalog, final String flat)
    {
        final Pattern schema = like(flat, "n.nspname");
        final Pattern name = like(flat, "c.relname");
        final Pattern column = like(flat, "attname");
        final List<Object[]> rows = new ArrayList<>();
        if (schema != null && !schema.matcher("public").matches())
        {
            return rows;
        }
        final List<PgCatalog.Relation> relations = new ArrayList<>(catalog.relations());
        relations.sort(Comparator.comparing(PgCatalog.Relation::name));
        for (final PgCatalog.Relation relation : relations)
        {
            if (relation.kind() == 'i' || (name != null && !name.matcher(relation.name()).matches()))
            {
                continue;
            }
            for (final SqlMetadata.ColumnInfo info : relation.table().columns())
            {
                if (column != null && !column.matcher(info.name()).matches())
                {
                    continue;
                }
                final ColumnType type = info.type();
                rows.add(new Object[]{"public", relation.name(), info.name(), type.pgOid(), !info.nullable(),
                    type.pgTypeModifier(), type.kind().isFixedWidth() ? type.kind().fixedWidth() : -1, -1,
                    info.ordinal(), null, null, info.defaultValue(), null, 0, "b"});
            }
        }
        return rows;
    }

    private static PgCatalog.Relation relationOf(final PgCatalog catalog, final String flat)
    {
        final Matcher oid = OID_LITERAL.matcher(flat);
        return oid.find() ? catalog.relation(Long.parseLong(oid.group(1))) : null;
    }

    private static Pattern namePattern(final String flat)
    {
        final Matcher m = RELNAME_REGEX.matcher(flat);
        return m.find() ? Pattern.compile(m.group(1).replace("''", "'")) : null;
    }

    private static Pattern like(final String flat, final String column)
    {
        final Matcher m = LIKE.matcher(flat);
        while (m.find())
        {
            if (m.group(1).equals(column))
            {
                final String pattern = m.group(2).replace("''", "'");
                final StringBuilder regex = new StringBuilder();
                for (int i = 0; i < pattern.length(); i++)
                {
                    final char c = pattern.charAt(i);
                    if (c == '\\' && i + 1 < pattern.length())
                    {
                        regex.append(Pattern.quote(Character.toString(pattern.charAt(++i))));
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
                        regex.append(Pattern.quote(Character.toString(c)));
                    }
                }
                return Pattern.compile(regex.toString());
            }
        }
        return null;
    }

    /**
     * The labels of a query's top-level select list: the alias after AS, else the last name of the expression.
     */
    static List<String> selectLabels(final String flat)
    {
        final List<String> labels = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        boolean identifier = false;
        int start = 6;
        for (int i = 6; i < flat.length(); i++)
        {
            final char c = flat.charAt(i);
            if (c == '\'' && !identifier)
            {
                quoted = !quoted;
            }
            else if (c == '"' && !quoted)
            {
                identifier = !identifier;
            }
            else if (!quoted && !identifier)
            {
                if (c == '(')
                {
                    depth++;
                }
                else if (c == ')')
                {
                    depth--;
                }
                else if (depth == 0 && c == ',')
                {
                    labels.add(label(flat.substring(start, i)));
                    start = i + 1;
                }
                else if (depth == 0 && flat.regionMatches(true, i, " FROM ", 0, 6))
                {
                    labels.add(label(flat.substring(start, i)));
                    return labels;
                }
            }
        }
        labels.add(label(flat.substring(start)));
        return labels;
    }

    private static String label(final String item)
    {
        final String text = item.trim();
        final Matcher alias = Pattern.compile("(?is).*\\sAS\\s+(\"[^\"]+\"|\\w+)$").matcher(text);
        if (alias.matches())
        {
            final String name = alias.group(1);
            return name.startsWith("\"") ? name.substring(1, name.length() - 1) : name.toLowerCase(Locale.ROOT);
        }
        final Matcher call = Pattern.compile("^(?:\\w+\\.)?(\\w+)\\s*\\(.*").matcher(text);
        if (call.matches())
        {
            return call.group(1);
        }
        final Matcher column = Pattern.compile("^(?:\\w+\\.)?(\\w+)$").matcher(text);
        return column.matches() ? column.group(1) : "?column?";
    }
}
