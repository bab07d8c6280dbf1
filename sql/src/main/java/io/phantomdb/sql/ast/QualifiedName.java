package io.phantomdb.sql.ast;

/**
 * The name of a table, view or index, optionally qualified by a schema. Unquoted names are folded to
 * lower case by the parser; quoted names keep their case.
 * <p>
 * <b>Note:</b> immutable; thread safe.
 *
 * @param position 1-based offset of the name.
 * @param schema   the schema, or null when unqualified.
 * @param name     the object name.
 */
public record QualifiedName(int position, String schema, String name) implements Node
{
    @Override
    public String toString()
    {
        return schema == null ? name : schema + "." + name;
    }
}
