package io.phantomdb.core.schema;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ColumnTypeTest
{
    @Test
    void shouldReportPostgresOidsAndNamesWhenAskedForEveryKind()
    {
        assertPg(ColumnType.BOOLEAN, "bool", 16, 1);
        assertPg(ColumnType.SMALLINT, "int2", 21, 2);
        assertPg(ColumnType.INTEGER, "int4", 23, 4);
        assertPg(ColumnType.BIGINT, "int8", 20, 8);
        assertPg(ColumnType.REAL, "float4", 700, 4);
        assertPg(ColumnType.DOUBLE_PRECISION, "float8", 701, 8);
        assertPg(ColumnType.numeric(10, 2), "numeric", 1700, -1);
        assertPg(ColumnType.character(3), "bpchar", 1042, -1);
        assertPg(ColumnType.varchar(3), "varchar", 1043, -1);
        assertPg(ColumnType.TEXT, "text", 25, -1);
        assertPg(ColumnType.BYTEA, "bytea", 17, -1);
        assertPg(ColumnType.DATE, "date", 1082, 4);
        assertPg(ColumnType.TIME, "time", 1083, 8);
        assertPg(ColumnType.TIMESTAMP, "timestamp", 1114, 8);
        assertPg(ColumnType.JSON, "json", 114, -1);
        assertEquals(15, TypeKind.values().length);
    }

    private static void assertPg(final ColumnType type, final String name, final int oid, final int width)
    {
        assertEquals(name, type.pgTypeName());
        assertEquals(oid, type.pgOid());
        assertEquals(width, type.kind().fixedWidth());
        assertEquals(width != TypeKind.VARIABLE_WIDTH, type.isFixedWidth());
    }

    @Test
    void shouldSpellSqlNamesAndTypeModifiersWhenParameterized()
    {
        assertEquals("NUMERIC(10,2)", ColumnType.numeric(10, 2).sqlName());
        assertEquals("NUMERIC(7,0)", ColumnType.numeric(7).sqlName());
        assertEquals("NUMERIC", ColumnType.NUMERIC.sqlName());
        assertEquals("CHARACTER(5)", ColumnType.character(5).sqlName());
        assertEquals("VARCHAR(20)", ColumnType.varchar(20).sqlName());
        assertEquals("VARCHAR", ColumnType.VARCHAR.sqlName());
        assertEquals("DOUBLE PRECISION", ColumnType.DOUBLE_PRECISION.toString());
        assertEquals("TIMESTAMP", ColumnType.TIMESTAMP.sqlName());

        assertEquals(((10 << 16) | 2) + 4, ColumnType.numeric(10, 2).pgTypeModifier());
        assertEquals(24, ColumnType.varchar(20).pgTypeModifier());
        assertEquals(9, ColumnType.character(5).pgTypeModifier());
        assertEquals(-1, ColumnType.NUMERIC.pgTypeModifier());
        assertEquals(-1, ColumnType.INTEGER.pgTypeModifier());
    }

    @Test
    void shouldCompareByKindAndParametersWhenEqualsCalled()
    {
        assertEquals(ColumnType.numeric(10, 2), ColumnType.numeric(10, 2));
        assertEquals(ColumnType.numeric(10, 2).hashCode(), ColumnType.numeric(10, 2).hashCode());
        assertNotEquals(ColumnType.numeric(10, 2), ColumnType.numeric(10, 3));
        assertNotEquals(ColumnType.varchar(3), ColumnType.character(3));
        assertNotEquals(ColumnType.VARCHAR, ColumnType.TEXT);
        assertEquals(ColumnType.UNSPECIFIED, ColumnType.TEXT.length());
        assertTrue(TypeKind.JSON.isText());
        assertFalse(TypeKind.BYTEA.isText());
    }

    @Test
    void shouldRejectNumericParametersWhenOutOfRange()
    {
        assertMessage("NUMERIC precision 0 must be between 1 and 1000", () -> ColumnType.numeric(0, 0));
        assertMessage("NUMERIC precision 1001 must be between 1 and 1000", () -> ColumnType.numeric(1001));
        assertMessage("NUMERIC scale -1 must be between 0 and precision 10", () -> ColumnType.numeric(10, -1));
        assertMessage("NUMERIC scale 11 must be between 0 and precision 10", () -> ColumnType.numeric(10, 11));
        assertEquals(1000, ColumnType.numeric(1000, 1000).scale());
    }

    @Test
    void shouldRejectCharacterLengthsWhenOutOfRange()
    {
        assertMessage("VARCHAR length 0 must be between 1 and 10485760", () -> ColumnType.varchar(0));
        assertMessage("CHARACTER length -3 must be between 1 and 10485760", () -> ColumnType.character(-3));
        assertMessage("VARCHAR length 10485761 must be between 1 and 10485760", () -> ColumnType.varchar(10485761));
        assertEquals(10485760, ColumnType.varchar(10485760).length());
    }

    static void assertMessage(final String expected, final Runnable action)
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, action::run);
        assertEquals(expected, ex.getMessage());
    }
}
