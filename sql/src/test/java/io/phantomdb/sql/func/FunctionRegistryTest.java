package io.phantomdb.sql.func;

import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.sql.value.Values;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static io.phantomdb.sql.value.SqlErrors.assertSqlError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FunctionRegistryTest
{
    private static final LocalDateTime NOW = LocalDateTime.of(2024, 5, 17, 13, 45, 30, 250_000_000);
    private final FunctionRegistry registry = new FunctionRegistry(EvalContext.fixed(NOW));

    private Object call(final String name, final Object... args)
    {
        final ColumnType[] types = new ColumnType[args.length];
        for (int i = 0; i < args.length; i++)
        {
            types[i] = args[i] == null ? null : Values.typeOf(args[i]);
        }
        return registry.resolve(name, Arrays.asList(types)).invoke(args);
    }

    @Test
    void shouldComputeStringFunctionsLikePostgres()
    {
        assertEquals("abc", call("lower", "AbC"));
        assertEquals("ABC", call("UPPER", "abc"));
        assertEquals(2, call("length", "😀é"));
        assertEquals(6, call("octet_length", "😀é"));
        assertEquals(3, call("length", new byte[]{1, 2, 3}));
        assertEquals("ell", call("substring", "hello", 2, 3));
        assertEquals("llo", call("substr", "hello", 3));
        assertEquals("h", call("substring", "hello", -1, 3));
        assertEquals("", call("substring", "hello", 10, 3));
        assertSqlError("22011", "negative substring length not allowed", () -> call("substring", "hello", 1, -1));
        assertEquals(3, call("position", "l", "hello"));
        assertEquals(0, call("strpos", "hello", "z"));
        assertEquals("xx", call("trim", "  xx "));
        assertEquals("xx", call("btrim", "yxxy", "y"));
        assertEquals("xx ", call("ltrim", "  xx "));
        assertEquals("  xx", call("rtrim", "  xx "));
        assertEquals("a-b-c", call("replace", "a.b.c", ".", "-"));
        assertEquals("ab1t", call("concat", "a", null, "b", 1, true));
        assertEquals("a,b,1", call("concat_ws", ",", "a", null, "b", 1));
        assertNull(call("concat_ws", null, "a"));
        assertEquals("ab", call("left", "abcde", 2));
        assertEquals("abc", call("left", "abcde", -2));
        assertEquals("de", call("right", "abcde", 2));
        assertEquals("cde", call("right", "abcde", -2));
        assertEquals("xyxhi", call("lpad", "hi", 5, "xy"));
        assertEquals("hi   ", call("rpad", "hi", 5));
        assertEquals("he", call("lpad", "hello", 2));
        assertEquals("ababab", call("repeat", "ab", 3));
        assertEquals("", call("repeat", "ab", -1));
        assertEquals("cba", call("reverse", "abc"));
        assertEquals("def", call("split_part", "abc~@~def~@~ghi", "~@~", 2));
        assertEquals("ghi", call("split_part", "abc,def,ghi", ",", -1));
        assertEquals("", call("split_part", "abc", ",", 3));
        assertSqlError("22023", "field position must not be zero", () -> call("split_part", "a", ",", 0));
        assertEquals(Boolean.TRUE, call("starts_with", "alphabet", "alph"));
        assertEquals("Hi Thomas 2nd", call("initcap", "hi THOMAS 2ND"));
        assertEquals("900150983cd24fb0d6963f7d28e17f72", call("md5", "abc"));
        assertNull(call("lower", (Object)null));
    }

    @Test
    void shouldComputeMathFunctionsLikePostgres()
    {
        assertEquals(5, call("abs", -5));
        assertEquals(new BigDecimal("1.5"), call("abs", new BigDecimal("-1.5")));
        assertSqlError("22003", "integer out of range", () -> call("abs", Integer.MIN_VALUE));
        assertEquals(new BigDecimal("-1"), call("ceil", new BigDecimal("-1.5")));
        assertEquals(-2.0, call("floor", -1.5));
        assertEquals(new BigDecimal("3"), call("round", new BigDecimal("2.5")));
        assertEquals(2.0, call("round", 2.5));
        assertEquals(new BigDecimal("3.14"), call("round", new BigDecimal("3.14159"), 2));
        assertEquals(new BigDecimal("1200"), call("round", new BigDecimal("1234.5"), -2));
        assertEquals(new BigDecimal("3.14"), call("trunc", new BigDecimal("3.149"), 2));
        assertEquals(-2.0, call("trunc", -2.7));
        assertEquals(3.0, call("sqrt", 9));
        assertSqlError("2201F", "cannot take square root of a negative number", () -> call("sqrt", -1));
        assertEquals(3.0, call("cbrt", 27.0));
        assertEquals(1024.0, call("power", 2, 10));
        assertSqlError("2201F", "zero raised to a negative power is undefined", () -> call("pow", 0, -1));
        assertEquals(2.0, call("log", 100));
        assertEquals(3.0, (Double)call("log", 2, 8), 1e-12);
        assertSqlError("2201E", "cannot take logarithm of zero", () -> call("ln", 0));
        assertSqlError("2201E", "cannot take logarithm of a negative number", () -> call("log10", -1));
        assertEquals(1, call("mod", 7, 3));
        assertEquals(new BigDecimal("1.5"), call("mod", new BigDecimal("7.5"), 3));
        assertEquals(-1.0, call("sign", -3));
        assertEquals(new BigDecimal("1"), call("sign", new BigDecimal("0.1")));
        assertEquals(Math.PI, call("pi"));
        final double r = (Double)call("random");
        assertTrue(r >= 0 && r < 1);
        assertFalse(registry.resolve("random", Collections.emptyList()).deterministic());
        assertTrue(registry.resolve("abs", List.of(ColumnType.INTEGER)).deterministic());
    }

    @Test
    void shouldHandleNullsAndCommonTypesWhenConditional()
    {
        assertEquals(2L, call("coalesce", null, 2L));
        assertEquals(2L, registry.resolve("coalesce", Arrays.asList(ColumnType.INTEGER, ColumnType.BIGINT))
            .invoke(new Object[]{null, 2L}));
        assertEquals(1L, registry.resolve("coalesce", Arrays.asList(ColumnType.INTEGER, ColumnType.BIGINT))
            .invoke(new Object[]{1, 2L}));
        assertNull(call("coalesce", null, null));
        assertNull(call("nullif", 1, 1));
        assertEquals(1, call("nullif", 1, 2));
        assertEquals(new BigDecimal("3.5"), call("greatest", 1, new BigDecimal("3.5"), null, 2));
        assertEquals(1L, call("least", 3, 1L, null));
        assertNull(call("greatest", null, null));
        assertSqlError("42804", "COALESCE types integer and text cannot be matched", () -> call("coalesce", 1, "a"));
    }

    @Test
    void shouldReadTheContextWhenAskedForTheTime()
    {
        assertEquals(NOW, call("now"));
        assertEquals(NOW, call("current_timestamp"));
        assertEquals(NOW.toLocalDate(), call("current_date"));
        assertEquals(NOW.toLocalTime(), call("localtime"));
        assertFalse(registry.resolve("now", Collections.emptyList()).deterministic());
        assertEquals(ColumnType.TIMESTAMP, registry.resolve("localtimestamp", Collections.emptyList()).returnType());
    }

    @Test
    void shouldExtractFieldsLikePostgresWhenGivenDatesAndTimestamps()
    {
        assertEquals(2024.0, call("date_part", "year", NOW));
        assertEquals(30.25, call("date_part", "second", NOW));
        assertEquals(new BigDecimal("30.250000"), call("extract", "second", NOW));
        assertEquals(new BigDecimal("5"), call("extract", "month", NOW));
        assertEquals(5.0, call("date_part", "dow", NOW));
        assertEquals(138.0, call("date_part", "doy", NOW));
        assertEquals(2.0, call("date_part", "quarter", NOW));
        assertEquals(20.0, call("date_part", "week", NOW));
        assertEquals(13.0, call("date_part", "hour", NOW));
        assertEquals(45.0, call("date_part", "minute", LocalTime.of(1, 45)));
        assertEquals(new BigDecimal("1715953530.250000"), call("extract", "epoch", NOW));
        assertEquals(new BigDecimal("1715904000"), call("extract", "epoch", LocalDate.of(2024, 5, 17)));
        assertEquals(0.0, call("date_part", "dow", LocalDate.of(2024, 5, 19)));
        assertEquals(20.0, call("date_part", "century", LocalDate.of(2000, 12, 31)));
        assertSqlError("22023", "unit \"fortnight\" not recognized for type timestamp without time zone",
            () -> call("date_part", "fortnight", NOW));
    }

    @Test
    void shouldTruncateAndMakeDatesWhenAsked()
    {
        assertEquals(LocalDateTime.of(2024, 5, 1, 0, 0), call("date_trunc", "month", NOW));
        assertEquals(LocalDateTime.of(2024, 5, 13, 0, 0), call("date_trunc", "week", NOW));
        assertEquals(LocalDateTime.of(2024, 4, 1, 0, 0), call("date_trunc", "quarter", NOW));
        assertEquals(LocalDateTime.of(2024, 5, 17, 13, 0), call("date_trunc", "hour", NOW));
        assertEquals(LocalDateTime.of(2024, 5, 17, 0, 0), call("date_trunc", "day", LocalDate.of(2024, 5, 17)));
        assertEquals(LocalDate.of(2024, 2, 29), call("make_date", 2024, 2, 29));
        assertSqlError("22008", "date field value out of range: 2023-2-29", () -> call("make_date", 2023, 2, 29));
    }

    @Test
    void shouldCallJsonFunctionsWhenResolvedByName()
    {
        assertEquals("array", call("json_typeof", "[1]"));
        assertEquals(2, call("json_array_length", "[1,2]"));
        assertEquals("[\"a\"]", call("json_object_keys", "{\"a\":1}"));
        assertEquals("\"x\"", call("json_extract_path", "{\"a\":[\"x\"]}", "a", "0"));
        assertEquals("x", call("json_extract_path_text", "{\"a\":[\"x\"]}", "a", "0"));
        assertEquals("{\"k\" : \"[1, 2]\"}", call("json_build_object", "k", "[1, 2]"));
        assertEquals("{\"k\" : [1, 2]}", registry.resolve("json_build_object", Arrays.asList(ColumnType.TEXT, ColumnType.JSON))
            .invoke(new Object[]{"k", "[1, 2]"}));
        assertEquals("[1, null]", call("json_build_array", 1, null));
        assertEquals("\"a\"", call("to_json", "a"));
        assertEquals(ColumnType.JSON, registry.resolve("to_json", List.of(ColumnType.INTEGER)).returnType());
    }

    @Test
    void shouldFailWith42883WhenNoFunctionFits()
    {
        assertSqlError("42883", "function foo(integer) does not exist",
            () -> registry.resolve("foo", List.of(ColumnType.INTEGER)));
        assertSqlError("42883", "function lower(integer) does not exist",
            () -> registry.resolve("lower", List.of(ColumnType.INTEGER)));
        assertSqlError("42883", "function round(double precision, integer) does not exist",
            () -> registry.resolve("round", List.of(ColumnType.DOUBLE_PRECISION, ColumnType.INTEGER)));
        assertSqlError("42883", "function substr(text, character varying, unknown) does not exist",
            () -> registry.resolve("substr", Arrays.asList(ColumnType.TEXT, ColumnType.varchar(3), null)));
    }
}
