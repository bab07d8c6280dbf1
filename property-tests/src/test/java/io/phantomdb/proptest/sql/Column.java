package io.phantomdb.proptest.sql;

/**
 * A generated column.
 *
 * @param name       its name.
 * @param type       its type.
 * @param notNull    whether it is NOT NULL (primary-key columns always are).
 * @param primaryKey whether it is part of the primary key.
 */
record Column(String name, SqlType type, boolean notNull, boolean primaryKey)
{
}
