package io.phantomdb.sql.plan;

import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.core.schema.TypeKind;
import io.phantomdb.sql.exec.ValueCoercer;
import io.phantomdb.sql.value.Casts;
import io.phantomdb.sql.value.TypeRules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * Converts key bound values to the Java class of the key column's type: values already of that class pass
 * through untouched (no allocation on the point lookup path), others are cast.
 * <p>
 * <b>Note:</b> stateless.
 */
final class KeyCoercion
{
    private KeyCoercion()
    {
    }

    static ValueCoercer to(final ColumnType type)
    {
        final Class<?> target = switch (type.kind())
        {
            case BOOLEAN -> Boolean.class;
            case SMALLINT -> Short.class;
            case INTEGER -> Integer.class;
            case BIGINT -> Long.class;
            case REAL -> Float.class;
            case DOUBLE_PRECISION -> Double.class;
            case NUMERIC -> BigDecimal.class;
            case BYTEA -> byte[].class;
            case DATE -> LocalDate.class;
            case TIME -> LocalTime.class;
            case TIMESTAMP -> LocalDateTime.class;
            default -> String.class;
        };
        final ColumnType castType = type.kind() == TypeKind.NUMERIC ? ColumnType.NUMERIC :
            TypeRules.unconstrained(type);
        return value -> value.getClass() == target ? value : Casts.cast(value, null, castType);
    }
}
