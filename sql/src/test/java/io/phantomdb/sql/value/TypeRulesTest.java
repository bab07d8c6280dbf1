package io.phantomdb.sql.value;

import io.phantomdb.core.schema.ColumnType;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static io.phantomdb.sql.value.SqlErrors.assertSqlError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TypeRulesTest
{
    @Test
    void shouldPromoteNumbersWhenTypesDiffer()
    {
        assertEquals(ColumnType.BIGINT, TypeRules.commonType("UNION", ColumnType.INTEGER, ColumnType.BIGINT));
        assertEquals(ColumnType.NUMERIC, TypeRules.commonType("CASE", ColumnType.BIGINT, ColumnType.numeric(10, 2)));
        assertEquals(ColumnType.DOUBLE_PRECISION, TypeRules.commonType("CASE", ColumnType.NUMERIC, ColumnType.DOUBLE_PRECISION));
        assertEquals(ColumnType.REAL, TypeRules.commonType("CASE", ColumnType.SMALLINT, ColumnType.REAL));
        assertEquals(ColumnType.INTEGER, TypeRules.commonType("CASE", ColumnType.SMALLINT, ColumnType.INTEGER));
    }

    @Test
    void shouldResolveUnknownToOtherSideWhenOneIsUnknown()
    {
        assertEquals(ColumnType.DATE, TypeRules.commonType("COALESCE", null, ColumnType.DATE));
        assertEquals(ColumnType.DATE, TypeRules.commonType("COALESCE", ColumnType.DATE, null));
        assertEquals(ColumnType.TEXT, TypeRules.commonType("COALESCE", null, null));
        assertEquals(ColumnType.INTEGER, TypeRules.commonType("IN", Arrays.asList(null, ColumnType.INTEGER, null)));
    }

    @Test
    void shouldGiveTextOrTimestampWhenStringsOrDatesMix()
    {
        assertEquals(ColumnType.TEXT, TypeRules.commonType("UNION", ColumnType.varchar(5), ColumnType.TEXT));
        assertEquals(ColumnType.TEXT, TypeRules.commonType("UNION", ColumnType.character(3), ColumnType.varchar(5)));
        assertEquals(ColumnType.VARCHAR, TypeRules.commonType("UNION", ColumnType.varchar(3), ColumnType.varchar(5)));
        assertEquals(ColumnType.TIMESTAMP, TypeRules.commonType("UNION", ColumnType.DATE, ColumnType.TIMESTAMP));
    }

    @Test
    void shouldFailWith42804WhenTypesCannotBeMatched()
    {
        assertSqlError("42804", "UNION types integer and text cannot be matched",
            () -> TypeRules.commonType("UNION", ColumnType.INTEGER, ColumnType.TEXT));
        assertSqlError("42804", "CASE types boolean and date cannot be matched",
            () -> TypeRules.commonType("CASE", Arrays.asList(ColumnType.BOOLEAN, ColumnType.DATE)));
    }

    @Test
    void shouldFailWith42883WhenComparingIncompatibleTypes()
    {
        assertEquals(ColumnType.NUMERIC, TypeRules.comparisonType("=", ColumnType.INTEGER, ColumnType.numeric(5, 1)));
        assertEquals(ColumnType.TEXT, TypeRules.comparisonType("=", ColumnType.character(2), ColumnType.TEXT));
        assertSqlError("42883", "operator does not exist: integer = boolean",
            () -> TypeRules.comparisonType("=", ColumnType.INTEGER, ColumnType.BOOLEAN));
    }

    @Test
    void shouldTypeArithmeticLikePostgresWhenOperandsMix()
    {
        assertEquals(ColumnType.SMALLINT, TypeRules.arithmeticType("+", ColumnType.SMALLINT, ColumnType.SMALLINT));
        assertEquals(ColumnType.BIGINT, TypeRules.arithmeticType("*", ColumnType.INTEGER, ColumnType.BIGINT));
        assertEquals(ColumnType.NUMERIC, TypeRules.arithmeticType("/", ColumnType.INTEGER, ColumnType.numeric(4, 2)));
        assertEquals(ColumnType.DOUBLE_PRECISION, TypeRules.arithmeticType("+", ColumnType.REAL, ColumnType.INTEGER));
        assertEquals(ColumnType.REAL, TypeRules.arithmeticType("+", ColumnType.REAL, ColumnType.REAL));
        assertEquals(ColumnType.REAL, TypeRules.arithmeticType("+", null, ColumnType.REAL));
        assertEquals(ColumnType.DOUBLE_PRECISION, TypeRules.comparisonType("=", ColumnType.INTEGER, ColumnType.REAL));
        assertEquals(ColumnType.REAL, TypeRules.commonType("UNION", ColumnType.INTEGER, ColumnType.REAL));
        assertEquals(ColumnType.DATE, TypeRules.arithmeticType("+", ColumnType.DATE, ColumnType.INTEGER));
        assertEquals(ColumnType.DATE, TypeRules.arithmeticType("+", ColumnType.INTEGER, ColumnType.DATE));
        assertEquals(ColumnType.INTEGER, TypeRules.arithmeticType("-", ColumnType.DATE, ColumnType.DATE));
        assertEquals(ColumnType.TIMESTAMP, TypeRules.arithmeticType("+", ColumnType.DATE, ColumnType.TIME));
        assertEquals(ColumnType.TEXT, TypeRules.arithmeticType("||", ColumnType.INTEGER, ColumnType.TEXT));
        assertEquals(ColumnType.INTEGER, TypeRules.arithmeticType("+", null, ColumnType.INTEGER));
        assertNull(TypeRules.arithmeticType("+", null, null));
        assertSqlError("42883", "operator does not exist: date + date",
            () -> TypeRules.arithmeticType("+", ColumnType.DATE, ColumnType.DATE));
        assertSqlError("42883", "operator does not exist: double precision % double precision",
            () -> TypeRules.arithmeticType("%", ColumnType.DOUBLE_PRECISION, ColumnType.DOUBLE_PRECISION));
        assertSqlError("42883", "operator does not exist: - text", () -> TypeRules.negateType(ColumnType.TEXT));
        assertSqlError("0A000", "timestamp - timestamp needs type interval, which is not supported",
            () -> TypeRules.arithmeticType("-", ColumnType.TIMESTAMP, ColumnType.DATE));
    }

    @Test
    void shouldAllowAssignmentWhenPostgresAllowsIt()
    {
        assertTrue(TypeRules.isAssignable(ColumnType.BIGINT, ColumnType.SMALLINT));
        assertTrue(TypeRules.isAssignable(ColumnType.TEXT, ColumnType.DATE));
        assertTrue(TypeRules.isAssignable(ColumnType.INTEGER, ColumnType.TEXT));
        assertTrue(TypeRules.isAssignable(null, ColumnType.JSON));
        assertTrue(TypeRules.isAssignable(ColumnType.DATE, ColumnType.TIMESTAMP));
        assertFalse(TypeRules.isAssignable(ColumnType.BOOLEAN, ColumnType.INTEGER));
        assertSqlError("42804", "column \"n\" is of type integer but expression is of type boolean",
            () -> TypeRules.checkAssignable(ColumnType.BOOLEAN, ColumnType.INTEGER, "n"));
    }

    @Test
    void shouldNameTypesAsPostgresWhenFormatting()
    {
        assertEquals("character varying(5)", TypeRules.displayName(ColumnType.varchar(5)));
        assertEquals("numeric(10,2)", TypeRules.displayName(ColumnType.numeric(10, 2)));
        assertEquals("timestamp without time zone", TypeRules.displayName(ColumnType.TIMESTAMP));
        assertEquals("unknown", TypeRules.displayName(null));
    }
}
