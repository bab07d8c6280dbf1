package io.phantomdb.sql.plan;

import io.phantomdb.core.catalog.TableDefinition;
import io.phantomdb.sql.func.FunctionRegistry;

import java.util.ArrayList;
import java.util.List;

/**
 * Makes expression indexes usable by the access path choice: in a table's conjuncts, every occurrence of an
 * indexed expression (for example {@code doc->>'name'}) is replaced by a reference to the hidden column
 * that holds its value, which a core index covers.
 * <p>
 * <b>Note:</b> used by one thread while planning.
 */
final class ExpressionIndexes
{
    private final SchemaView schema;
    private final FunctionRegistry functions;

    ExpressionIndexes(final SchemaView schema, final FunctionRegistry functions)
    {
        this.schema = schema;
        this.functions = functions;
    }

    List<BoundExpr> rewrite(final TableDefinition table, final List<BoundExpr> conjuncts)
    {
        final List<SqlSchema.ExpressionIndex> indexes = schema.expressionIndexesOf(table.name());
        if (indexes.isEmpty() || conjuncts.isEmpty())
        {
            return conjuncts;
        }
        final List<BoundExpr> expressions = new ArrayList<>();
        final List<BoundExpr> columns = new ArrayList<>();
        for (final SqlSchema.ExpressionIndex index : indexes)
        {
            for (int i = 0; i < index.expressions().size(); i++)
            {
                final String hidden = index.hiddenColumns().get(i);
                if (null == hidden)
                {
                    continue;
                }
                final int ordinal = table.schema().columnOrdinal(hidden);
                if (ordinal < 0)
                {
                    continue;
                }
                expressions.add(TableExpressions.bind(schema, functions, table, index.expressions().get(i)));
                columns.add(new BoundExpr.InputRef(ordinal, table.schema().column(ordinal).type(), hidden));
            }
        }
        final List<BoundExpr> out = new ArrayList<>(conjuncts.size());
        for (final BoundExpr c : conjuncts)
        {
            out.add(BoundExprs.transform(c, node ->
            {
                final int found = expressions.indexOf(node);
                return found >= 0 ? columns.get(found) : node;
            }));
        }
        return out;
    }
}
