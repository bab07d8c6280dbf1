package io.phantomdb.sql.ast;

import java.util.List;

/**
 * A column of CREATE TABLE or ALTER TABLE ADD COLUMN: name, type and its constraints in written order
 * (NOT NULL, NULL, DEFAULT, PRIMARY KEY, UNIQUE, CHECK, REFERENCES; column-level constraints have an
 * empty column list).
 * <p>
 * <b>Note:</b> immutable; thread safe.
 *
 * @param position    1-based offset of the column name.
 * @param name        the column name.
 * @param type        the declared type.
 * @param constraints the column constraints, possibly empty.
 */
public record ColumnDefinition(int position, String name, TypeName type, List<Constraint> constraints)
    implements Node
{
}
