package io.phantomdb.sql.ast;

import java.util.List;

/**
 * {@code name [(columns)] AS (query)} in a WITH clause.
 * <p>
 * <b>Note:</b> immutable; thread safe.
 *
 * @param position 1-based offset of the name.
 * @param name     the name the query is known by.
 * @param columns  column aliases, empty when not written.
 * @param query    the query.
 */
public record CommonTableExpression(int position, String name, List<String> columns, Statement.Query query)
    implements Node
{
}
