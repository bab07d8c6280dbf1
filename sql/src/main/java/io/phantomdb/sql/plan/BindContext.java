package io.phantomdb.sql.plan;

import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.core.schema.TableSchema;
import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlState;
import io.phantomdb.sql.ast.CommonTableExpression;
import io.phantomdb.sql.func.FunctionRegistry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * State shared by the binders of one statement: the schema, the parameters' inferred types, the outer-row
 * slots handed out, the references made to each slot, and the CTEs in scope.
 * <p>
 * <b>Note:</b> used by one thread while one statement is bound.
 */
public final class BindContext
{
    private static final int MAX_VIEW_DEPTH = 32;

    private final SchemaView schema;
    private final FunctionRegistry functions;
    private final List<ColumnType> parameterTypes = new ArrayList<>();
    private final List<Integer> slotReferences = new ArrayList<>();
    private final List<Map<String, CommonTableExpression>> ctes = new ArrayList<>();
    private int viewDepth;

    /**
     * @param schema    what names resolve against.
     * @param functions resolves scalar functions.
     */
    public BindContext(final SchemaView schema, final FunctionRegistry functions)
    {
        this.schema = schema;
        this.functions = functions;
    }

    /**
     * @return the scalar function registry.
     */
    public FunctionRegistry functions()
    {
        return functions;
    }

    /**
     * @return what names resolve against.
     */
    public SchemaView schema()
    {
        return schema;
    }

    /**
     * @return a new outer-row slot.
     */
    public int newSlot()
    {
        slotReferences.add(0);
        return slotReferences.size() - 1;
    }

    /**
     * Records a correlated reference to a slot.
     *
     * @param slot the slot.
     */
    public void referenceSlot(final int slot)
    {
        slotReferences.set(slot, slotReferences.get(slot) + 1);
    }

    /**
     * @param scope a scope.
     * @return the references made so far to the scope's slot and its ancestors'.
     */
    public int referencesTo(final Scope scope)
    {
        int count = 0;
        for (Scope s = scope; null != s; s = s.parent())
        {
            count += slotReferences.get(s.slot());
        }
        return count;
    }

    /**
     * @param index    a 0-based parameter index.
     * @param type     its type as inferred from context, or null to leave it unknown.
     * @return the type now recorded for the parameter (the first inferred type wins).
     */
    public ColumnType inferParameter(final int index, final ColumnType type)
    {
        while (parameterTypes.size() <= index)
        {
            parameterTypes.add(null);
        }
        if (null == parameterTypes.get(index) && null != type)
        {
            parameterTypes.set(index, type);
        }
        return parameterTypes.get(index);
    }

    /**
     * @return the parameters' types, TEXT where nothing fixed one.
     */
    public List<ColumnType> parameterTypes()
    {
        final List<ColumnType> out = new ArrayList<>(parameterTypes.size());
        for (final ColumnType type : parameterTypes)
        {
            out.add(null == type ? ColumnType.TEXT : type);
        }
        return out;
    }

    /**
     * Opens a WITH clause's names.
     *
     * @param definitions the CTEs.
     */
    public void pushCtes(final List<CommonTableExpression> definitions)
    {
        final Map<String, CommonTableExpression> map = new HashMap<>();
        for (final CommonTableExpression cte : definitions)
        {
            map.put(TableSchema.fold(cte.name()), cte);
        }
        ctes.add(map);
    }

    /**
     * Closes the innermost WITH clause.
     */
    public void popCtes()
    {
        ctes.remove(ctes.size() - 1);
    }

    /**
     * @param name a name.
     * @return the innermost CTE of that name, or null.
     */
    public CommonTableExpression cte(final String name)
    {
        final String folded = TableSchema.fold(name);
        for (int i = ctes.size() - 1; i >= 0; i--)
        {
            final CommonTableExpression cte = ctes.get(i).get(folded);
            if (null != cte)
            {
                return cte;
            }
        }
        return null;
    }

    /**
     * Enters a view's expansion.
     *
     * @param name     the view.
     * @param position where it is referenced.
     */
    public void enterView(final String name, final int position)
    {
        if (++viewDepth > MAX_VIEW_DEPTH)
        {
            throw new SqlException(SqlState.INVALID_OBJECT_DEFINITION,
                "infinite recursion detected in view \"" + name + "\"", position);
        }
    }

    /**
     * Leaves a view's expansion.
     */
    public void leaveView()
    {
        viewDepth--;
    }
}
