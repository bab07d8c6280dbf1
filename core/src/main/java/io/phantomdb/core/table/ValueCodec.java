package io.phantomdb.core.table;

import io.phantomdb.core.row.RowFlyweight;
import io.phantomdb.core.row.RowWriter;
import io.phantomdb.core.schema.Column;
import io.phantomdb.core.schema.TypeKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * Moves boxed Java values in and out of rows. Accepted classes per type (only widening, never a lossy
 * conversion): BOOLEAN {@link Boolean}; SMALLINT {@link Short}; INTEGER {@link Integer} or {@link Short};
 * BIGINT {@link Long}, {@link Integer} or {@link Short}; REAL {@link Float}; DOUBLE PRECISION {@link Double}
 * or {@link Float}; NUMERIC {@link BigDecimal}, {@link Long}, {@link Integer} or {@link Short}; CHARACTER,
 * VARCHAR, TEXT and JSON {@link String}; BYTEA {@code byte[]}; DATE {@link LocalDate}; TIME
 * {@link LocalTime}; TIMESTAMP {@link LocalDateTime}. Reads return the first class listed.
 * <p>
 * <b>Note:</b> stateless, safe from any thread.
 */
final class ValueCodec
{
    private ValueCodec()
    {
    }

    /**
     * @param writer    a writer with a row in progress.
     * @param column    ordinal.
     * @param value     the value, null for NULL.
     * @param tableName for messages.
     * @throws ConstraintViolationException 23502 if the value is null and the column NOT NULL.
     * @throws IllegalArgumentException     if the class does not fit the type or the value does not fit the
     *                                      column, naming column, type and value.
     */
    static void set(final RowWriter writer, final int column, final Object value, final String tableName)
    {
        final Column def = writer.layout().column(column);
        if (null == value)
        {
            if (!def.nullable())
            {
                throw notNull(def, tableName);
            }
            writer.setNull(column);
            return;
        }
        final TypeKind kind = def.type().kind();
        switch (kind)
        {
            case BOOLEAN -> writer.setBoolean(column, cast(value, Boolean.class, def, tableName));
            case SMALLINT -> writer.setShort(column, cast(value, Short.class, def, tableName));
            case INTEGER -> writer.setInt(column, value instanceof Short s ? s : cast(value, Integer.class, def, tableName));
            case BIGINT -> writer.setLong(column, integral(value, def, tableName));
            case REAL -> writer.setFloat(column, cast(value, Float.class, def, tableName));
            case DOUBLE_PRECISION ->
                writer.setDouble(column, value instanceof Float f ? f : cast(value, Double.class, def, tableName));
            case NUMERIC -> writer.setDecimal(column,
                value instanceof BigDecimal d ? d : BigDecimal.valueOf(integral(value, def, tableName)));
            case CHAR, VARCHAR, TEXT, JSON -> writer.setString(column, cast(value, String.class, def, tableName));
            case BYTEA -> writer.setBytes(column, cast(value, byte[].class, def, tableName));
            case DATE -> writer.setDate(column, cast(value, LocalDate.class, def, tableName));
            case TIME -> writer.setTime(column, cast(value, LocalTime.class, def, tableName));
            case TIMESTAMP -> writer.setTimestamp(column, cast(value, LocalDateTime.class, def, tableName));
            default -> throw new IllegalStateException("unhandled type " + kind);
        }
    }

    /**
     * @param row    a wrapped row.
     * @param column ordinal.
     * @return the value as its Java class, or null for NULL.
     */
    static Object get(final RowFlyweight row, final int column)
    {
        if (row.isNull(column))
        {
            return null;
        }
        return switch (row.layout().type(column).kind())
        {
            case BOOLEAN -> row.getBoolean(column);
            case SMALLINT -> row.getShort(column);
            case INTEGER -> row.getInt(column);
            case BIGINT -> row.getLong(column);
            case REAL -> row.getFloat(column);
            case DOUBLE_PRECISION -> row.getDouble(column);
            case NUMERIC -> row.getDecimal(column);
            case CHAR, VARCHAR, TEXT, JSON -> row.getString(column);
            case BYTEA -> row.getBytes(column);
            case DATE -> row.getLocalDate(column);
            case TIME -> row.getLocalTime(column);
            case TIMESTAMP -> row.getLocalDateTime(column);
        };
    }

    static ConstraintViolationException notNull(final Column column, final String tableName)
    {
        return new ConstraintViolationException(ConstraintViolationException.NOT_NULL_VIOLATION, column.name(),
            "null value in column \"" + column.name() + "\" of relation \"" + tableName +
            "\" violates not-null constraint");
    }

    private static long integral(final Object value, final Column column, final String tableName)
    {
        if (value instanceof Long l)
        {
            return l;
        }
        if (value instanceof Integer i)
        {
            return i;
        }
        return cast(value, Short.class, column, tableName);
    }

    private static <T> T cast(final Object value, final Class<T> type, final Column column, final String tableName)
    {
        if (!type.isInstance(value))
        {
            throw new IllegalArgumentException(
                "column \"" + column.name() + "\" " + column.type().sqlName() + " of table \"" + tableName +
                "\": cannot store " + value.getClass().getName() + " value " + describe(value));
        }
        return type.cast(value);
    }

    private static String describe(final Object value)
    {
        final String text = value instanceof byte[] b ? "of " + b.length + " bytes" : "'" + value + "'";
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }
}
