package io.phantomdb.sql.ast;

/**
 * One action of ALTER TABLE.
 * <p>
 * <b>Note:</b> immutable records; thread safe.
 */
public sealed interface AlterAction extends Node
{
    /**
     * ADD [COLUMN] [IF NOT EXISTS] column definition.
     *
     * @param position    1-based offset of ADD.
     * @param ifNotExists true when IF NOT EXISTS was written.
     * @param column      the new column.
     */
    record AddColumn(int position, boolean ifNotExists, ColumnDefinition column) implements AlterAction
    {
    }

    /**
     * DROP [COLUMN] [IF EXISTS] name.
     *
     * @param position 1-based offset of DROP.
     * @param ifExists true when IF EXISTS was written.
     * @param column   the column to drop.
     */
    record DropColumn(int position, boolean ifExists, String column) implements AlterAction
    {
    }
}
