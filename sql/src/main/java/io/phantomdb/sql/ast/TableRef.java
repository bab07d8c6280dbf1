package io.phantomdb.sql.ast;

import java.util.List;

/**
 * An entry of a FROM clause: a named table or view, a subquery, or a join of two entries.
 * Comma-separated FROM entries are kept as a list by the owner ({@link QueryBody.Select#from()}).
 * <p>
 * <b>Note:</b> immutable records; thread safe.
 */
public sealed interface TableRef extends Node
{
    /**
     * {@code [schema.]name [[AS] alias [(column aliases)]]}.
     *
     * @param position      1-based offset of the name.
     * @param name          the table or view (or CTE) name.
     * @param alias         the alias, or null.
     * @param columnAliases column aliases, empty when not written.
     */
    record NamedTable(int position, QualifiedName name, String alias, List<String> columnAliases) implements TableRef
    {
    }

    /**
     * {@code (query) [AS] alias [(column aliases)]}; PostgreSQL 16 makes the alias optional, so may we: null when absent.
     *
     * @param position      1-based offset of the opening parenthesis.
     * @param query         the subquery.
     * @param alias         the alias, or null.
     * @param columnAliases column aliases, empty when not written.
     */
    record DerivedTable(int position, Statement.Query query, String alias, List<String> columnAliases)
        implements TableRef
    {
    }

    /**
     * {@code left [NATURAL] type JOIN right [ON condition | USING (columns)]}.
     *
     * @param position  1-based offset of the left operand.
     * @param type      the join type.
     * @param natural   true for NATURAL joins.
     * @param left      left operand.
     * @param right     right operand.
     * @param condition the ON condition, or null.
     * @param using     the USING columns, empty when not written.
     */
    record Join(
        int position, JoinType type, boolean natural, TableRef left, TableRef right, Expression condition,
        List<String> using) implements TableRef
    {
    }

    /**
     * The kind of join.
     */
    enum JoinType
    {
        /** [INNER] JOIN. */
        INNER,
        /** LEFT [OUTER] JOIN. */
        LEFT,
        /** RIGHT [OUTER] JOIN. */
        RIGHT,
        /** FULL [OUTER] JOIN. */
        FULL,
        /** CROSS JOIN. */
        CROSS
    }
}
