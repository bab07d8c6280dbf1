package io.phantomdb.sql.engine;

import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.sql.ast.TypeName;

/**
 * PostgreSQL's SERIAL pseudo-types: {@code smallserial}, {@code serial}, {@code bigserial} become
 * SMALLINT/INTEGER/BIGINT NOT NULL with the default {@code nextval('<table>_<column>_seq')}, whose counter
 * the database keeps (see {@link EngineDatabase#nextSequenceValue}).
 * <p>
 * <b>Note:</b> stateless.
 */
final class Serial
{
    private Serial()
    {
    }

    static boolean isSerial(final TypeName type)
    {
        return type.params().isEmpty() && switch (type.name())
        {
            case "serial", "serial4", "bigserial", "serial8", "smallserial", "serial2" -> true;
            default -> false;
        };
    }

    static ColumnType type(final TypeName type)
    {
        return switch (type.name())
        {
            case "bigserial", "serial8" -> ColumnType.BIGINT;
            case "smallserial", "serial2" -> ColumnType.SMALLINT;
            default -> ColumnType.INTEGER;
        };
    }

    static String defaultText(final String table, final String column)
    {
        return "nextval('" + table + "_" + column + "_seq')";
    }
}
