package io.phantomdb.sql.ast;

import java.util.List;

/**
 * {@code ON CONFLICT [(columns)] DO NOTHING | DO UPDATE SET ... [WHERE ...]} of an INSERT.
 * <p>
 * <b>Note:</b> immutable; thread safe.
 *
 * @param position    1-based offset of ON.
 * @param columns     the conflict target columns, empty when not written.
 * @param doNothing   true for DO NOTHING, false for DO UPDATE.
 * @param assignments the DO UPDATE SET list, empty for DO NOTHING.
 * @param where       the DO UPDATE condition, or null.
 */
public record OnConflict(
    int position, List<String> columns, boolean doNothing, List<Assignment> assignments, Expression where)
    implements Node
{
}
