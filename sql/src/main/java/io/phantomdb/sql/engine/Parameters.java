package io.phantomdb.sql.engine;

import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlState;
import io.phantomdb.sql.value.Casts;
import io.phantomdb.sql.value.TypeRules;
import io.phantomdb.sql.value.Values;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;

/**
 * Converts the Java values a client passes for parameters into the classes of the parameters' inferred
 * types: values already of the right class pass unchanged (the common case, no allocation); other numeric
 * boxes convert; a String is read as a literal of the type.
 * <p>
 * <b>Note:</b> immutable after construction; {@link #coerce} writes into a caller-owned array.
 */
final class Parameters
{
    private final ColumnType[] types;
    private final Class<?>[] classes;
    private final boolean optional;

    Parameters(final List<ColumnType> inferred, final int count)
    {
        this(inferred, count, false);
    }

    /**
     * @param inferred the binder's inferred types.
     * @param count    the number of parameters.
     * @param optional whether executing without any values is allowed (plain EXPLAIN): they are then NULL.
     */
    Parameters(final List<ColumnType> inferred, final int count, final boolean optional)
    {
        this.optional = optional;
        this.types = new ColumnType[count];
        this.classes = new Class<?>[count];
        for (int i = 0; i < count; i++)
        {
            final ColumnType type = i < inferred.size() ? TypeRules.unconstrained(inferred.get(i)) : ColumnType.TEXT;
            types[i] = type;
            classes[i] = javaClass(type);
        }
    }

    Parameters asOptional()
    {
        return new Parameters(List.of(types), types.length, true);
    }

    int count()
    {
        return types.length;
    }

    ColumnType type(final int index)
    {
        return types[index];
    }

    void coerce(final Object[] values, final Object[] target)
    {
        if (optional && values.length == 0)
        {
            Arrays.fill(target, null);
            return;
        }
        if (values.length != types.length)
        {
            throw new SqlException(SqlState.PROTOCOL_VIOLATION, "statement takes " + types.length +
                " parameters, got " + values.length);
        }
        for (int i = 0; i < types.length; i++)
        {
            final Object value = values[i];
            if (null == value || value.getClass() == classes[i])
            {
                target[i] = value;
            }
            else if (value instanceof String)
            {
                target[i] = Casts.cast(value, null, types[i]);
            }
            else
            {
                target[i] = Casts.cast(value, Values.typeOf(value), types[i]);
            }
        }
    }

    private static Class<?> javaClass(final ColumnType type)
    {
        return switch (type.kind())
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
    }
}
