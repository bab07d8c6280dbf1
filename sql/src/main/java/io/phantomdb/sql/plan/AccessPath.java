package io.phantomdb.sql.plan;

import io.phantomdb.core.catalog.IndexColumn;
import io.phantomdb.core.catalog.IndexDefinition;
import io.phantomdb.core.catalog.StorageType;
import io.phantomdb.core.catalog.TableDefinition;
import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.core.schema.TypeKind;
import io.phantomdb.sql.value.TypeRules;

import java.util.ArrayList;
import java.util.List;

/**
 * Chooses how to read one table for a list of conjuncts over its row: a point lookup by the full primary
 * key, a primary key prefix/range scan, a secondary (or expression) index scan, or a full scan. Equality
 * conjuncts used as key bounds are consumed; every other conjunct (ranges included, since bounds are
 * inclusive) stays as a residual filter.
 * <p>
 * <b>Note:</b> used by one thread while planning.
 */
final class AccessPath
{
    /** How the table is read. */
    enum Kind
    {
        POINT, PRIMARY_RANGE, INDEX, FULL
    }

    final Kind kind;
    final IndexDefinition index;
    final List<BoundExpr> from;
    final List<BoundExpr> to;
    final List<ColumnType> keyTypes;
    final List<BoundExpr> residual;
    final String description;
    final double selectivity;

    private AccessPath(
        final Kind kind, final IndexDefinition index, final List<BoundExpr> from, final List<BoundExpr> to,
        final List<ColumnType> keyTypes, final List<BoundExpr> residual, final String description,
        final double selectivity)
    {
        this.kind = kind;
        this.index = index;
        this.from = from;
        this.to = to;
        this.keyTypes = keyTypes;
        this.residual = residual;
        this.description = description;
        this.selectivity = selectivity;
    }

    static AccessPath choose(final TableDefinition table, final List<IndexDefinition> indexes,
        final List<BoundExpr> conjuncts)
    {
        final int[] pk = table.schema().primaryKey();
        final AccessPath primary = match(table, null, pk, new boolean[pk.length], conjuncts);
        AccessPath best = primary;
        for (final IndexDefinition index : indexes)
        {
            final int[] ordinals = new int[index.columns().size()];
            final boolean[] descending = new boolean[ordinals.length];
            for (int i = 0; i < ordinals.length; i++)
            {
                final IndexColumn column = index.columns().get(i);
                ordinals[i] = column.ordinal();
                descending[i] = column.descending();
            }
            final AccessPath candidate = match(table, index, ordinals, descending, conjuncts);
            if (candidate.kind == Kind.FULL)
            {
                continue;
            }
            if (index.storage() == StorageType.HASH && candidate.from.size() != ordinals.length)
            {
                continue;
            }
            if (index.storage() == StorageType.HASH && candidate.to != candidate.from)
            {
                continue;
            }
            if (best.kind == Kind.FULL || (best.kind != Kind.POINT && candidate.selectivity < best.selectivity))
            {
                best = candidate;
            }
        }
        return best;
    }

    private static AccessPath match(final TableDefinition table, final IndexDefinition index, final int[] ordinals,
        final boolean[] descending, final List<BoundExpr> conjuncts)
    {
        final List<BoundExpr> remaining = new ArrayList<>(conjuncts);
        final List<BoundExpr> equal = new ArrayList<>();
        final List<ColumnType> types = new ArrayList<>();
        final StringBuilder text = new StringBuilder();
        int matched = 0;
        for (final int ordinal : ordinals)
        {
            final ColumnType columnType = table.schema().column(ordinal).type();
            final BoundExpr[] found = find(remaining, ordinal, columnType, "=");
            if (null == found)
            {
                break;
            }
            remaining.remove(found[0]);
            equal.add(found[1]);
            types.add(columnType);
            text.append(matched == 0 ? "" : " AND ").append(table.schema().column(ordinal).name())
                .append(" = ").append(ExplainText.of(found[1]));
            matched++;
        }
        final boolean unique = null == index || index.unique();
        if (matched == ordinals.length && null == index)
        {
            return new AccessPath(Kind.POINT, null, equal, equal, types, remaining, "(" + text + ")", 0);
        }
        final List<BoundExpr> from = new ArrayList<>(equal);
        final List<BoundExpr> to = new ArrayList<>(equal);
        final List<ColumnType> fromTypes = new ArrayList<>(types);
        double selectivity = matched == ordinals.length && unique ? 0.0001 : Math.pow(0.1, matched);
        boolean ranged = false;
        if (matched < ordinals.length)
        {
            final int ordinal = ordinals[matched];
            final ColumnType columnType = table.schema().column(ordinal).type();
            final BoundExpr[] low = findRange(conjuncts, ordinal, columnType, true);
            final BoundExpr[] high = findRange(conjuncts, ordinal, columnType, false);
            if (null != low || null != high)
            {
                ranged = true;
                selectivity *= null != low && null != high ? 0.1 : 0.33;
                final BoundExpr lowValue = null == low ? null : low[1];
                final BoundExpr highValue = null == high ? null : high[1];
                final BoundExpr first = descending[matched] ? highValue : lowValue;
                final BoundExpr last = descending[matched] ? lowValue : highValue;
                final String name = table.schema().column(ordinal).name();
                if (null != lowValue)
                {
                    text.append(text.length() == 0 ? "" : " AND ").append(name).append(" >= ").append(ExplainText.of(lowValue));
                }
                if (null != highValue)
                {
                    text.append(text.length() == 0 ? "" : " AND ").append(name).append(" <= ").append(ExplainText.of(highValue));
                }
                if (null != first)
                {
                    from.add(first);
                }
                if (null != last)
                {
                    to.add(last);
                }
                fromTypes.add(columnType);
            }
        }
        if (matched == 0 && !ranged)
        {
            return new AccessPath(Kind.FULL, null, null, null, null, conjuncts, "", 1);
        }
        final List<BoundExpr> fromBound = from.isEmpty() ? null : from;
        final List<BoundExpr> toBound = to.isEmpty() ? null : to;
        final boolean sameBounds = !ranged;
        return new AccessPath(null == index ? Kind.PRIMARY_RANGE : Kind.INDEX, index, fromBound,
            sameBounds ? fromBound : toBound, fromTypes, remaining, "(" + text + ")", selectivity);
    }

    private static BoundExpr[] find(final List<BoundExpr> conjuncts, final int ordinal, final ColumnType type,
        final String op)
    {
        for (final BoundExpr c : conjuncts)
        {
            final BoundExpr value = operandFor(c, ordinal, type, op);
            if (null != value)
            {
                return new BoundExpr[]{c, value};
            }
        }
        return null;
    }

    private static BoundExpr[] findRange(final List<BoundExpr> conjuncts, final int ordinal, final ColumnType type,
        final boolean lower)
    {
        for (final BoundExpr c : conjuncts)
        {
            for (final String op : lower ? new String[]{">=", ">"} : new String[]{"<=", "<"})
            {
                final BoundExpr value = operandFor(c, ordinal, type, op);
                if (null != value)
                {
                    return new BoundExpr[]{c, value};
                }
            }
        }
        return null;
    }

    private static BoundExpr operandFor(final BoundExpr c, final int ordinal, final ColumnType type, final String op)
    {
        if (!(c instanceof BoundExpr.Compare))
        {
            return null;
        }
        final BoundExpr.Compare cmp = (BoundExpr.Compare)c;
        if (isColumn(cmp.left(), ordinal) && cmp.op().equals(op) && keyValue(cmp.right(), type))
        {
            return cmp.right();
        }
        if (isColumn(cmp.right(), ordinal) && cmp.op().equals(flip(op)) && keyValue(cmp.left(), type))
        {
            return cmp.left();
        }
        return null;
    }

    private static String flip(final String op)
    {
        return switch (op)
        {
            case "<" -> ">";
            case "<=" -> ">=";
            case ">" -> "<";
            case ">=" -> "<=";
            default -> op;
        };
    }

    private static boolean isColumn(final BoundExpr e, final int ordinal)
    {
        return e instanceof BoundExpr.InputRef && ((BoundExpr.InputRef)e).index() == ordinal;
    }

    static boolean keyValue(final BoundExpr e, final ColumnType column)
    {
        if (BoundExprs.any(e, n -> n instanceof BoundExpr.InputRef || n instanceof BoundExpr.Subquery ||
            n instanceof BoundExpr.Aggregate))
        {
            return false;
        }
        final ColumnType type = e.type();
        if (null == type)
        {
            return true;
        }
        final TypeKind have = type.kind();
        final TypeKind want = column.kind();
        if (have == want)
        {
            return true;
        }
        if (TypeRules.isIntegral(type) && (TypeRules.isIntegral(column) || want == TypeKind.NUMERIC))
        {
            return true;
        }
        return TypeRules.isString(type) && TypeRules.isString(column) && want != TypeKind.CHAR;
    }
}
