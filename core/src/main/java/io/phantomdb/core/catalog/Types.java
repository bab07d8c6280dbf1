package io.phantomdb.core.catalog;

import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.core.schema.TypeKind;

/**
 * Rebuilds a {@link ColumnType} from its kind and stored parameters.
 * <p>
 * <b>Note:</b> stateless, safe from any thread.
 */
final class Types
{
    private Types()
    {
    }

    static ColumnType of(final TypeKind kind, final int precision, final int scale, final int length)
    {
        final ColumnType type = switch (kind)
        {
            case BOOLEAN -> ColumnType.BOOLEAN;
            case SMALLINT -> ColumnType.SMALLINT;
            case INTEGER -> ColumnType.INTEGER;
            case BIGINT -> ColumnType.BIGINT;
            case REAL -> ColumnType.REAL;
            case DOUBLE_PRECISION -> ColumnType.DOUBLE_PRECISION;
            case NUMERIC -> precision == ColumnType.UNSPECIFIED ? ColumnType.NUMERIC : ColumnType.numeric(precision, scale);
            case CHAR -> ColumnType.character(length);
            case VARCHAR -> length == ColumnType.UNSPECIFIED ? ColumnType.VARCHAR : ColumnType.varchar(length);
            case TEXT -> ColumnType.TEXT;
            case BYTEA -> ColumnType.BYTEA;
            case DATE -> ColumnType.DATE;
            case TIME -> ColumnType.TIME;
            case TIMESTAMP -> ColumnType.TIMESTAMP;
            case JSON -> ColumnType.JSON;
        };
        if (type.precision() != precision || type.scale() != scale || type.length() != length)
        {
            throw new IllegalArgumentException("type " + kind + " does not take parameters (precision " + precision +
                ", scale " + scale + ", length " + length + ")");
        }
        return type;
    }
}
