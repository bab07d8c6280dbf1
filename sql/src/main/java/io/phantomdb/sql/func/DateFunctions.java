package io.phantomdb.sql.func;

import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.core.schema.TypeKind;
import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlState;
import io.phantomdb.sql.value.Casts;
import io.phantomdb.sql.value.ValueErrors;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;

/**
 * The date/time functions: {@code now()} and its synonyms (the transaction's start time from the
 * {@link EvalContext}), {@code current_date}, {@code localtime}, {@code date_part}/{@code extract},
 * {@code date_trunc} and {@code make_date}. PhantomDB has no time zones: {@code now()} is a TIMESTAMP.
 * <p>
 * <b>Note:</b> stateless, safe to use from any thread.
 */
final class DateFunctions
{
    private DateFunctions()
    {
    }

    static ScalarFunction resolve(final String name, final List<ColumnType> types, final EvalContext context)
    {
        final int n = types.size();
        switch (name)
        {
            case "now":
            case "current_timestamp":
            case "localtimestamp":
            case "transaction_timestamp":
                return n == 0 ? Fn.volatileFn(name, ColumnType.TIMESTAMP, a -> context.transactionTimestamp()) : null;
            case "statement_timestamp":
                return n == 0 ? Fn.volatileFn(name, ColumnType.TIMESTAMP, a -> context.statementTimestamp()) : null;
            case "clock_timestamp":
                return n == 0 ? Fn.volatileFn(name, ColumnType.TIMESTAMP, a -> context.clockTimestamp()) : null;
            case "current_date":
                return n == 0 ?
                    Fn.volatileFn(name, ColumnType.DATE, a -> context.transactionTimestamp().toLocalDate()) : null;
            case "current_time":
            case "localtime":
                return n == 0 ?
                    Fn.volatileFn(name, ColumnType.TIME, a -> context.transactionTimestamp().toLocalTime()) : null;
            case "date_part":
            case "extract":
            {
                if (n != 2 || !Args.isText(types.get(0)) || !isDateTime(types.get(1)))
                {
                    return null;
                }
                final ColumnType source = types.get(1) == null ? ColumnType.TIMESTAMP : types.get(1);
                if ("extract".equals(name))
                {
                    return Fn.strict(name, ColumnType.NUMERIC, a -> extract(Args.text(a[0]), a[1], source));
                }
                final ColumnType asTimestamp = source.kind() == TypeKind.DATE ? ColumnType.TIMESTAMP : source;
                return Fn.strict(name, ColumnType.DOUBLE_PRECISION,
                    a -> extract(Args.text(a[0]), Casts.cast(a[1], source, asTimestamp), asTimestamp).doubleValue());
            }
            case "date_trunc":
                if (n != 2 || !Args.isText(types.get(0)) || !isDateTime(types.get(1)) ||
                    (types.get(1) != null && types.get(1).kind() == TypeKind.TIME))
                {
                    return null;
                }
                return Fn.strict(name, ColumnType.TIMESTAMP, a -> dateTrunc(Args.text(a[0]), toTimestamp(a[1])));
            case "make_date":
                if (n != 3 || !Args.isIntegral(types.get(0)) || !Args.isIntegral(types.get(1)) ||
                    !Args.isIntegral(types.get(2)))
                {
                    return null;
                }
                return Fn.strict(name, ColumnType.DATE, a -> makeDate(Args.toInt(a[0]), Args.toInt(a[1]), Args.toInt(a[2])));
            default:
                return null;
        }
    }

    private static boolean isDateTime(final ColumnType type)
    {
        if (type == null)
        {
            return true;
        }
        final TypeKind k = type.kind();
        return k == TypeKind.DATE || k == TypeKind.TIMESTAMP || k == TypeKind.TIME;
    }

    private static LocalDateTime toTimestamp(final Object value)
    {
        return (LocalDateTime)Casts.cast(value, null, ColumnType.TIMESTAMP);
    }

    static LocalDate makeDate(final int year, final int month, final int day)
    {
        try
        {
            return LocalDate.of(year < 0 ? year + 1 : year, month, day);
        }
        catch (final DateTimeException ex)
        {
            throw new SqlException(
                ValueErrors.DATETIME_FIELD_OVERFLOW, "date field value out of range: " + year + "-" + month + "-" + day);
        }
    }

    /**
     * {@code EXTRACT(field FROM source)} with PostgreSQL 14+'s NUMERIC result: seconds, milliseconds and
     * epoch keep microsecond digits for TIME and TIMESTAMP.
     */
    static BigDecimal extract(final String fieldName, final Object value, final ColumnType sourceType)
    {
        final String field = fieldName.trim().toLowerCase(Locale.ROOT);
        final Object v = value instanceof String ? Casts.cast(value, null, sourceType) : value;
        if (v instanceof LocalTime)
        {
            return extractTime(field, (LocalTime)v);
        }
        final boolean isDate = v instanceof LocalDate;
        final LocalDateTime ts = isDate ? ((LocalDate)v).atStartOfDay() : (LocalDateTime)v;
        final LocalDate d = ts.toLocalDate();
        final int year = d.getYear() <= 0 ? d.getYear() - 1 : d.getYear();
        switch (field)
        {
            case "year":
            case "years":
                return BigDecimal.valueOf(year);
            case "month":
            case "months":
                return BigDecimal.valueOf(d.getMonthValue());
            case "day":
            case "days":
                return BigDecimal.valueOf(d.getDayOfMonth());
            case "dow":
                return BigDecimal.valueOf(d.getDayOfWeek().getValue() % 7);
            case "isodow":
                return BigDecimal.valueOf(d.getDayOfWeek().getValue());
            case "doy":
                return BigDecimal.valueOf(d.getDayOfYear());
            case "quarter":
                return BigDecimal.valueOf((d.getMonthValue() - 1) / 3 + 1);
            case "week":
                return BigDecimal.valueOf(d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case "isoyear":
                return BigDecimal.valueOf(d.get(IsoFields.WEEK_BASED_YEAR));
            case "decade":
                return BigDecimal.valueOf(Math.floorDiv(d.getYear(), 10));
            case "century":
                return BigDecimal.valueOf(year > 0 ? (year + 99) / 100 : -((99 - (year + 1)) / 100));
            case "millennium":
                return BigDecimal.valueOf(year > 0 ? (year + 999) / 1000 : -((999 - (year + 1)) / 1000));
            case "epoch":
            {
                final long seconds = ts.toEpochSecond(ZoneOffset.UTC);
                final BigDecimal epoch = BigDecimal.valueOf(seconds * 1_000_000L + ts.getNano() / 1000, 6);
                return isDate ? epoch.setScale(0) : epoch;
            }
            default:
                if (isDate)
                {
                    switch (field)
                    {
                        case "hour":
                        case "minute":
                        case "second":
                        case "milliseconds":
                        case "microseconds":
                            throw new SqlException(
                                SqlState.FEATURE_NOT_SUPPORTED, "unit \"" + field + "\" not supported for type date");
                        default:
                            throw unitNotRecognized(field, "date");
                    }
                }
                final BigDecimal timePart = timeField(field, ts.toLocalTime());
                if (timePart == null)
                {
                    throw unitNotRecognized(field, "timestamp without time zone");
                }
                return timePart;
        }
    }

    private static BigDecimal extractTime(final String field, final LocalTime time)
    {
        if ("epoch".equals(field))
        {
            return BigDecimal.valueOf(time.toNanoOfDay() / 1000, 6);
        }
        final BigDecimal part = timeField(field, time);
        if (part == null)
        {
            throw new SqlException(
                SqlState.INVALID_PARAMETER_VALUE, "unit \"" + field + "\" not supported for type time without time zone");
        }
        return part;
    }

    private static BigDecimal timeField(final String field, final LocalTime time)
    {
        final long micros = time.getSecond() * 1_000_000L + time.getNano() / 1000;
        switch (field)
        {
            case "hour":
            case "hours":
                return BigDecimal.valueOf(time.getHour());
            case "minute":
            case "minutes":
                return BigDecimal.valueOf(time.getMinute());
            case "second":
            case "seconds":
                return BigDecimal.valueOf(micros, 6);
            case "milliseconds":
                return BigDecimal.valueOf(micros, 3);
            case "microseconds":
                return BigDecimal.valueOf(micros);
            default:
                return null;
        }
    }

    private static SqlException unitNotRecognized(final String field, final String typeName)
    {
        return new SqlException(
            SqlState.INVALID_PARAMETER_VALUE, "unit \"" + field + "\" not recognized for type " + typeName);
    }

    static LocalDateTime dateTrunc(final String fieldName, final LocalDateTime ts)
    {
        final String field = fieldName.trim().toLowerCase(Locale.ROOT);
        final LocalDate d = ts.toLocalDate();
        switch (field)
        {
            case "microseconds":
                return ts.withNano(ts.getNano() / 1000 * 1000);
            case "milliseconds":
                return ts.withNano(ts.getNano() / 1_000_000 * 1_000_000);
            case "second":
                return ts.withNano(0);
            case "minute":
                return ts.withSecond(0).withNano(0);
            case "hour":
                return ts.withMinute(0).withSecond(0).withNano(0);
            case "day":
                return d.atStartOfDay();
            case "week":
                return d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay();
            case "month":
                return d.withDayOfMonth(1).atStartOfDay();
            case "quarter":
                return LocalDate.of(d.getYear(), (d.getMonthValue() - 1) / 3 * 3 + 1, 1).atStartOfDay();
            case "year":
                return LocalDate.of(d.getYear(), 1, 1).atStartOfDay();
            case "decade":
                return LocalDate.of(Math.floorDiv(d.getYear(), 10) * 10, 1, 1).atStartOfDay();
            case "century":
                return LocalDate.of((Math.floorDiv(d.getYear() - 1, 100)) * 100 + 1, 1, 1).atStartOfDay();
            case "millennium":
                return LocalDate.of((Math.floorDiv(d.getYear() - 1, 1000)) * 1000 + 1, 1, 1).atStartOfDay();
            default:
                throw unitNotRecognized(field, "timestamp without time zone");
        }
    }
}
