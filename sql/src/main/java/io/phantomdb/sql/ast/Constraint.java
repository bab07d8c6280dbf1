package io.phantomdb.sql.ast;

import java.util.List;

/**
 * A column or table constraint. Column constraints have an empty {@code columns} list; table
 * constraints name their columns. {@code name} is the optional {@code CONSTRAINT name}, or null.
 * <p>
 * <b>Note:</b> immutable records; thread safe.
 */
public sealed interface Constraint extends Node
{
    /**
     * @return the constraint name given with CONSTRAINT name, or null.
     */
    String name();

    /**
     * NOT NULL (column only).
     *
     * @param position 1-based offset of NOT.
     * @param name     constraint name or null.
     */
    record NotNull(int position, String name) implements Constraint
    {
    }

    /**
     * NULL (column only): explicitly nullable.
     *
     * @param position 1-based offset of NULL.
     * @param name     constraint name or null.
     */
    record Nullable(int position, String name) implements Constraint
    {
    }

    /**
     * DEFAULT expression (column only).
     *
     * @param position 1-based offset of DEFAULT.
     * @param name     constraint name or null.
     * @param value    the default expression.
     */
    record Default(int position, String name, Expression value) implements Constraint
    {
    }

    /**
     * PRIMARY KEY [(columns)].
     *
     * @param position 1-based offset of PRIMARY.
     * @param name     constraint name or null.
     * @param columns  key columns for a table constraint, empty for a column constraint.
     */
    record PrimaryKey(int position, String name, List<String> columns) implements Constraint
    {
    }

    /**
     * UNIQUE [(columns)].
     *
     * @param position 1-based offset of UNIQUE.
     * @param name     constraint name or null.
     * @param columns  key columns for a table constraint, empty for a column constraint.
     */
    record Unique(int position, String name, List<String> columns) implements Constraint
    {
    }

    /**
     * CHECK (condition).
     *
     * @param position  1-based offset of CHECK.
     * @param name      constraint name or null.
     * @param condition the condition.
     */
    record Check(int position, String name, Expression condition) implements Constraint
    {
    }

    /**
     * [FOREIGN KEY (columns)] REFERENCES table [(columns)]: parsed so it can be rejected with a position.
     *
     * @param position          1-based offset of FOREIGN or REFERENCES.
     * @param name              constraint name or null.
     * @param columns           referencing columns, empty for a column constraint.
     * @param table             the referenced table.
     * @param referencedColumns the referenced columns, empty when not written.
     */
    record References(
        int position, String name, List<String> columns, QualifiedName table, List<String> referencedColumns)
        implements Constraint
    {
    }
}
