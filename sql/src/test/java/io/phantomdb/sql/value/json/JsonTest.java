package io.phantomdb.sql.value.json;

import io.phantomdb.core.schema.ColumnType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;

import static io.phantomdb.sql.value.SqlErrors.assertSqlError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class JsonTest
{
    private static final String DOC = "{\"a\": {\"b\" : [10, \"x\", null, true]}, \"s\": \"q\\\"\\u0041\", \"a2\": 1.50}";

    @Test
    void shouldParseToTreeWhenDocumentIsValid()
    {
        final JsonNode root = Json.parse(DOC);
        assertEquals(JsonKind.OBJECT, root.kind());
        assertEquals(3, root.size());
        assertEquals("{\"b\" : [10, \"x\", null, true]}", root.get("a").text());
        assertEquals("q\"A", root.get("s").stringValue());
        assertEquals(new BigDecimal("1.50"), root.get("a2").numberValue());
        assertEquals(DOC, root.text());
        assertEquals("2", Json.parse("{\"k\": 1, \"k\": 2}").get("k").text());
    }

    @Test
    void shouldFailWith22P02WhenDocumentIsMalformed()
    {
        for (final String bad : new String[]{"", "{", "{a:1}", "[1,]", "01", "1.", "tru", "\"a\nb\"", "[1] x", "'a'",
            "{\"a\" 1}", "\"\\x\"", "-", "1e", "nulls"})
        {
            assertSqlError("22P02", "invalid input syntax for type json", () -> Json.parse(bad));
        }
        assertSqlError("54001", "stack depth limit exceeded", () -> Json.parse("[".repeat(5000) + "]".repeat(5000)));
        assertSqlError("54001", "stack depth limit exceeded", () -> Json.validate("[".repeat(5000) + "]".repeat(5000)));
        for (final String bad : new String[]{"{\"a\":1,}", "{\"a\":1} x", "{\"a\":tru}", "[1,,2]", "{\"a\":\"\\q\"}"})
        {
            assertSqlError("22P02", "invalid input syntax for type json", () -> Json.validate(bad));
            assertSqlError("22P02", "invalid input syntax for type json", () -> JsonOps.get(bad, "a"));
            assertSqlError("22P02", "invalid input syntax for type json", () -> JsonOps.get(bad, 1));
            assertSqlError("22P02", "invalid input syntax for type json", () -> JsonOps.get(bad, -1));
        }
    }

    @Test
    void shouldFollowPostgresWhenUsingArrowOperators()
    {
        assertEquals("{\"b\" : [10, \"x\", null, true]}", JsonOps.get(DOC, "a"));
        assertEquals("q\"A", JsonOps.getText(DOC, "s"));
        assertEquals("\"q\\\"\\u0041\"", JsonOps.get(DOC, "s"));
        assertNull(JsonOps.get(DOC, "missing"));
        assertNull(JsonOps.get(DOC, 0));
        assertEquals("2", JsonOps.get("[1,2,3]", 1));
        assertEquals("3", JsonOps.get("[1,2,3]", -1));
        assertNull(JsonOps.get("[1,2,3]", 3));
        assertNull(JsonOps.get("[1,2,3]", -4));
        assertEquals("[3]", JsonOps.get(" [1, {\"a\": [2]}, [3]] ", -1));
        assertEquals("{\"a\": [2]}", JsonOps.get(" [1, {\"a\": [2]}, [3]] ", 1));
        assertEquals("\"b\"", JsonOps.get("[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\",\"i\",\"j\",\"k\",\"l\",\"m\",\"n\",\"o\",\"p\",\"q\"]", -16));
        assertNull(JsonOps.get("[]", 0));
        assertNull(JsonOps.get("[]", -1));
        assertNull(JsonOps.get("{}", "a"));
        assertEquals("2", JsonOps.get("{\"k\": 1, \"k\": 2}", "k"));
        assertEquals("3", JsonOps.get("{\"\\u006b\": 3}", "k"));
        assertNull(JsonOps.get("\"k\"", "k"));
        assertNull(JsonOps.get("{\"0\": 1}", 0));
        assertNull(JsonOps.getText("{\"n\": null}", "n"));
        assertEquals("null", JsonOps.get("{\"n\": null}", "n"));
        assertEquals("x", JsonOps.getPathText(DOC, "{a,b,1}"));
        assertEquals("10", JsonOps.getPath(DOC, "{a, b, 0}"));
        assertEquals("true", JsonOps.getPathText(DOC, "{a,b,-1}"));
        assertNull(JsonOps.getPath(DOC, "{a,b,z}"));
        assertEquals(DOC, JsonOps.getPath(DOC, "{}"));
        assertSqlError("22P02", "malformed array literal: \"a,b\"", () -> JsonOps.getPath(DOC, "a,b"));
    }

    @Test
    void shouldUseJsonbSemanticsWhenTestingContainment()
    {
        assertEquals(Boolean.TRUE, JsonOps.contains("{\"a\":1,\"b\":{\"c\":[1,2,3]}}", "{\"b\":{\"c\":[3,1]}}"));
        assertEquals(Boolean.FALSE, JsonOps.contains("{\"a\":1}", "{\"a\":2}"));
        assertEquals(Boolean.TRUE, JsonOps.contains("{\"a\":1.0}", "{\"a\":1}"));
        assertEquals(Boolean.TRUE, JsonOps.contains("[1,2,[3,4]]", "[[3]]"));
        assertEquals(Boolean.FALSE, JsonOps.contains("[1,2,[3,4]]", "[3]"));
        assertEquals(Boolean.TRUE, JsonOps.contains("[\"a\",\"b\"]", "\"a\""));
        assertEquals(Boolean.FALSE, JsonOps.contains("{\"a\":[1]}", "{\"a\":1}"));
        assertEquals(Boolean.TRUE, JsonOps.contains("\"x\"", "\"x\""));
        assertEquals(Boolean.TRUE, JsonOps.contains("{}", "{}"));
        assertEquals(Boolean.TRUE, JsonOps.containedIn("{\"a\":1}", "{\"a\":1,\"b\":2}"));
        assertNull(JsonOps.contains(null, "{}"));
    }

    @Test
    void shouldFindKeysWhenTestingExistence()
    {
        assertEquals(Boolean.TRUE, JsonOps.hasKey("{\"a\":1}", "a"));
        assertEquals(Boolean.FALSE, JsonOps.hasKey("{\"a\":{\"b\":1}}", "b"));
        assertEquals(Boolean.TRUE, JsonOps.hasKey("[\"a\",1]", "a"));
        assertEquals(Boolean.FALSE, JsonOps.hasKey("[1]", "1"));
        assertEquals(Boolean.TRUE, JsonOps.hasKeys("{\"a\":1,\"b\":2}", "{b,c}", false));
        assertEquals(Boolean.FALSE, JsonOps.hasKeys("{\"a\":1,\"b\":2}", "{b,c}", true));
        assertEquals(Boolean.TRUE, JsonOps.hasKeys("{\"a\":1,\"b\":2}", "{a,\"b\"}", true));
    }

    @Test
    void shouldBuildLikePostgresWhenConstructing()
    {
        assertEquals("{\"a\" : 1, \"b\" : \"x\", \"c\" : null, \"d\" : {\"z\":true}}",
            JsonOps.buildObject(new Object[]{"a", 1, "b", "x", "c", null, "d", "{\"z\":true}"},
                new ColumnType[]{ColumnType.TEXT, ColumnType.INTEGER, ColumnType.TEXT, ColumnType.TEXT, ColumnType.TEXT,
                    null, ColumnType.TEXT, ColumnType.JSON}));
        assertEquals("[1, \"a\\tb\", true, 1.50, \"2024-01-02\", \"2024-01-02T03:04:05\", \"NaN\"]",
            JsonOps.buildArray(new Object[]{1, "a\tb", true, new BigDecimal("1.50"), LocalDate.of(2024, 1, 2),
                LocalDateTime.of(2024, 1, 2, 3, 4, 5), Double.NaN}, new ColumnType[7]));
        assertSqlError("22023", "argument list must have even number of elements",
            () -> JsonOps.buildObject(new Object[]{"a"}, new ColumnType[1]));
        assertEquals("\"\\u0001\"", JsonOps.toJson("\u0001", ColumnType.TEXT));
    }

    @Test
    void shouldDescribeDocumentsWhenAskedForTypeLengthAndKeys()
    {
        assertEquals("object", JsonOps.typeOf("{}"));
        assertEquals("boolean", JsonOps.typeOf("false"));
        assertEquals("null", JsonOps.typeOf("null"));
        assertEquals(3, JsonOps.arrayLength("[1,[2,3],4]"));
        assertSqlError("22023", "cannot get array length of a scalar", () -> JsonOps.arrayLength("1"));
        assertSqlError("22023", "cannot get array length of a non-array", () -> JsonOps.arrayLength("{}"));
        assertEquals("[\"a\",\"b\"]", JsonOps.objectKeys("{\"a\":1,\"b\":[]}"));
        assertEquals(Arrays.asList("a", null, "b c", "d,e"), PgArrayText.parse("{a, NULL ,\"b c\",\"d,e\"}"));
    }
}
