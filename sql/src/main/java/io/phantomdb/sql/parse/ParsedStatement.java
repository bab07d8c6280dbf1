package io.phantomdb.sql.parse;

import io.phantomdb.sql.ast.Statement;

/**
 * A statement with the number of parameters it uses: the count of {@code ?} markers, or the highest
 * {@code $n} (a statement uses one style only).
 * <p>
 * <b>Note:</b> immutable; thread safe.
 *
 * @param statement      the syntax tree.
 * @param parameterCount how many parameter values executing it needs.
 */
public record ParsedStatement(Statement statement, int parameterCount)
{
}
