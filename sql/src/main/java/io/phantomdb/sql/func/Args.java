package io.phantomdb.sql.func;

import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.sql.value.Casts;
import io.phantomdb.sql.value.TypeRules;

import java.math.BigDecimal;
import java.util.List;

/**
 * Argument conversions and type tests shared by the function definitions: values of any numeric box, or a
 * String of unknown type read as a literal.
 * <p>
 * <b>Note:</b> stateless, safe to use from any thread.
 */
final class Args
{
    private Args()
    {
    }

    static String text(final Object value)
    {
        return Casts.toText(value);
    }

    static int toInt(final Object value)
    {
        return (Integer)Casts.cast(value, null, ColumnType.INTEGER);
    }

    static long toLong(final Object value)
    {
        return (Long)Casts.cast(value, null, ColumnType.BIGINT);
    }

    static double toDouble(final Object value)
    {
        return (Double)Casts.cast(value, null, ColumnType.DOUBLE_PRECISION);
    }

    static BigDecimal toDecimal(final Object value)
    {
        return (BigDecimal)Casts.cast(value, null, ColumnType.NUMERIC);
    }

    static boolean isText(final ColumnType type)
    {
        return type == null || TypeRules.isString(type);
    }

    static boolean isNumber(final ColumnType type)
    {
        return type == null || TypeRules.isNumeric(type);
    }

    static boolean isIntegral(final ColumnType type)
    {
        return type == null || TypeRules.isIntegral(type);
    }

    static boolean allText(final List<ColumnType> types)
    {
        for (int i = 0; i < types.size(); i++)
        {
            if (!isText(types.get(i)))
            {
                return false;
            }
        }
        return true;
    }
}
