package io.phantomdb.sql.ast;

/**
 * {@code column = value} in UPDATE ... SET and ON CONFLICT DO UPDATE SET; the value may be
 * {@link Expression.DefaultValue}.
 * <p>
 * <b>Note:</b> immutable; thread safe.
 *
 * @param position 1-based offset of the column name.
 * @param column   the target column.
 * @param value    the new value.
 */
public record Assignment(int position, String column, Expression value) implements Node
{
}
