package io.phantomdb.sql.ast;

/**
 * One entry of a select list or RETURNING list: an expression with an optional alias, or {@code *} /
 * {@code t.*}.
 * <p>
 * <b>Note:</b> immutable records; thread safe.
 */
public sealed interface SelectItem extends Node
{
    /**
     * {@code expression [AS alias]}.
     *
     * @param position   1-based offset of the expression.
     * @param expression the value.
     * @param alias      the output name, or null when not written.
     */
    record ExpressionItem(int position, Expression expression, String alias) implements SelectItem
    {
    }

    /**
     * {@code *} or {@code qualifier.*}.
     *
     * @param position  1-based offset of the star or of the qualifier.
     * @param qualifier the table (possibly schema-qualified) whose columns are meant, or null for all.
     */
    record AllColumns(int position, QualifiedName qualifier) implements SelectItem
    {
    }
}
