package io.phantomdb.sql.plan;

import io.phantomdb.core.catalog.TableDefinition;
import io.phantomdb.core.schema.Column;
import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlState;
import io.phantomdb.sql.ast.Expression;
import io.phantomdb.sql.ast.QueryBody;
import io.phantomdb.sql.ast.SelectItem;
import io.phantomdb.sql.ast.Statement;
import io.phantomdb.sql.func.FunctionRegistry;
import io.phantomdb.sql.parse.SqlParser;

import java.util.ArrayList;
import java.util.List;

/**
 * Binds stored expression texts (DEFAULT, CHECK, expression index keys) against one table's row, whose
 * column positions are the column ordinals.
 * <p>
 * <b>Note:</b> stateless.
 */
public final class TableExpressions
{
    private TableExpressions()
    {
    }

    /**
     * @param text an expression's SQL text.
     * @return its syntax tree.
     */
    public static Expression parse(final String text)
    {
        final Statement statement = SqlParser.parse("SELECT " + text);
        if (statement instanceof Statement.Query && ((Statement.Query)statement).body() instanceof QueryBody.Select)
        {
            final List<SelectItem> items = ((QueryBody.Select)((Statement.Query)statement).body()).items();
            if (items.size() == 1 && items.get(0) instanceof SelectItem.ExpressionItem)
            {
                return ((SelectItem.ExpressionItem)items.get(0)).expression();
            }
        }
        throw new SqlException(SqlState.SYNTAX_ERROR, "not a single expression: " + text);
    }

    /**
     * @param table a table.
     * @return a scope over its row (column positions are ordinals).
     */
    public static Scope scopeOf(final TableDefinition table)
    {
        final List<Field> fields = new ArrayList<>();
        for (final Column c : table.schema().columns())
        {
            fields.add(new Field(table.name(), c.name(), c.type(), SqlSchema.isHidden(c.name()), table.name(), c.name(),
                c.nullable()));
        }
        return new Scope(fields, null, null, 0);
    }

    /**
     * @param schema the schema.
     * @param functions resolves scalar functions.
     * @param table  the table.
     * @param text   the expression text.
     * @return the expression bound against the table's row.
     */
    public static BoundExpr bind(
        final SchemaView schema, final FunctionRegistry functions, final TableDefinition table, final String text)
    {
        final BindContext context = new BindContext(schema, functions);
        final Scope scope = scopeOf(table);
        context.newSlot();
        return new QueryBinder(context).expressions().bind(parse(text), scope, "index expression");
    }
}
