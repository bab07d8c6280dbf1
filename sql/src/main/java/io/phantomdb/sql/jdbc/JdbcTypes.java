package io.phantomdb.sql.jdbc;

import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.core.schema.TypeKind;

import java.sql.Types;

/**
 * How PhantomDB's SQL types look to JDBC: {@link Types} codes, PostgreSQL type names, the Java class
 * {@link java.sql.ResultSet#getObject(int)} returns, precision, scale and display size.
 * <p>
 * <b>Note:</b> stateless, safe from any thread.
 */
public final class JdbcTypes
{
    /** Precision reported for unbounded text and bytes (VARCHAR without a length, TEXT, BYTEA, JSON). */
    public static final int UNBOUNDED = Integer.MAX_VALUE;

    private JdbcTypes()
    {
    }

    /**
     * @param kind a type kind.
     * @return its {@link Types} code: TEXT and JSON report VARCHAR and OTHER as PostgreSQL's driver does,
     * BYTEA reports VARBINARY.
     */
    public static int sqlType(final TypeKind kind)
    {
        switch (kind)
        {
            case BOOLEAN:
                return Types.BOOLEAN;
            case SMALLINT:
                return Types.SMALLINT;
            case INTEGER:
                return Types.INTEGER;
            case BIGINT:
                return Types.BIGINT;
            case REAL:
                return Types.REAL;
            case DOUBLE_PRECISION:
                return Types.DOUBLE;
            case NUMERIC:
                return Types.NUMERIC;
            case CHAR:
                return Types.CHAR;
            case VARCHAR:
            case TEXT:
                return Types.VARCHAR;
            case BYTEA:
                return Types.VARBINARY;
            case DATE:
                return Types.DATE;
            case TIME:
                return Types.TIME;
            case TIMESTAMP:
                return Types.TIMESTAMP;
            case JSON:
                return Types.OTHER;
            default:
                throw new IllegalArgumentException("no JDBC type for " + kind);
        }
    }

    /**
     * @param kind a type kind.
     * @return the fully qualified class {@link java.sql.ResultSet#getObject(int)} returns for it
     * (SMALLINT gives {@link Integer}, as JDBC's mapping table says).
     */
    public static String className(final TypeKind kind)
    {
        switch (kind)
        {
            case BOOLEAN:
                return Boolean.class.getName();
            case SMALLINT:
            case INTEGER:
                return Integer.class.getName();
            case BIGINT:
                return Long.class.getName();
            case REAL:
                return Float.class.getName();
            case DOUBLE_PRECISION:
                return Double.class.getName();
            case NUMERIC:
                return java.math.BigDecimal.class.getName();
            case BYTEA:
                return byte[].class.getName();
            case DATE:
                return java.sql.Date.class.getName();
            case TIME:
                return java.sql.Time.class.getName();
            case TIMESTAMP:
                return java.sql.Timestamp.class.getName();
            default:
                return String.class.getName();
        }
    }

    /**
     * @param type a column type.
     * @return digits for numbers, characters for text and date/time values, {@link #UNBOUNDED} for
     * unbounded text and bytes, 0 for an unconstrained NUMERIC.
     */
    public static int precision(final ColumnType type)
    {
        switch (type.kind())
        {
            case BOOLEAN:
                return 1;
            case SMALLINT:
                return 5;
            case INTEGER:
                return 10;
            case BIGINT:
                return 19;
            case REAL:
                return 8;
            case DOUBLE_PRECISION:
                return 17;
            case NUMERIC:
                return type.precision() == ColumnType.UNSPECIFIED ? 0 : type.precision();
            case CHAR:
            case VARCHAR:
                return type.length() == ColumnType.UNSPECIFIED ? UNBOUNDED : type.length();
            case DATE:
                return 13;
            case TIME:
                return 15;
            case TIMESTAMP:
                return 29;
            default:
                return UNBOUNDED;
        }
    }

    /**
     * @param type a column type.
     * @return digits after the decimal point: NUMERIC's scale, 6 for TIME and TIMESTAMP, else 0.
     */
    public static int scale(final ColumnType type)
    {
        switch (type.kind())
        {
            case NUMERIC:
                return type.scale() == ColumnType.UNSPECIFIED ? 0 : type.scale();
            case TIME:
            case TIMESTAMP:
                return 6;
            default:
                return 0;
        }
    }

    /**
     * @param type a column type.
     * @return the most characters its text form takes, capped at {@link #UNBOUNDED}.
     */
    public static int displaySize(final ColumnType type)
    {
        switch (type.kind())
        {
            case BOOLEAN:
                return 1;
            case SMALLINT:
                return 6;
            case INTEGER:
                return 11;
            case BIGINT:
                return 20;
            case REAL:
                return 15;
            case DOUBLE_PRECISION:
                return 25;
            case NUMERIC:
                return type.precision() == ColumnType.UNSPECIFIED ? 131089 : type.precision() + 2;
            default:
                return precision(type);
        }
    }

    /**
     * @param kind a type kind.
     * @return whether values of the kind are signed numbers.
     */
    public static boolean isSigned(final TypeKind kind)
    {
        switch (kind)
        {
            case SMALLINT:
            case INTEGER:
            case BIGINT:
            case REAL:
            case DOUBLE_PRECISION:
            case NUMERIC:
                return true;
            default:
                return false;
        }
    }

    /**
     * @param sqlType a {@link Types} code.
     * @return the Java class a parameter or {@code getObject} value of that JDBC type converts to, or null
     * for types without a fixed class ({@link Types#OTHER}, {@link Types#JAVA_OBJECT}, {@link Types#NULL}).
     * @throws java.sql.SQLFeatureNotSupportedException for types PhantomDB has no counterpart of.
     */
    public static Class<?> javaClass(final int sqlType) throws java.sql.SQLFeatureNotSupportedException
    {
        switch (sqlType)
        {
            case Types.BIT:
            case Types.BOOLEAN:
                return Boolean.class;
            case Types.TINYINT:
            case Types.SMALLINT:
                return Short.class;
            case Types.INTEGER:
                return Integer.class;
            case Types.BIGINT:
                return Long.class;
            case Types.REAL:
                return Float.class;
            case Types.FLOAT:
            case Types.DOUBLE:
                return Double.class;
            case Types.NUMERIC:
            case Types.DECIMAL:
                return java.math.BigDecimal.class;
            case Types.CHAR:
            case Types.VARCHAR:
            case Types.LONGVARCHAR:
            case Types.NCHAR:
            case Types.NVARCHAR:
            case Types.LONGNVARCHAR:
            case Types.CLOB:
            case Types.NCLOB:
                return String.class;
            case Types.BINARY:
            case Types.VARBINARY:
            case Types.LONGVARBINARY:
            case Types.BLOB:
                return byte[].class;
            case Types.DATE:
                return java.time.LocalDate.class;
            case Types.TIME:
                return java.time.LocalTime.class;
            case Types.TIMESTAMP:
                return java.time.LocalDateTime.class;
            case Types.OTHER:
            case Types.JAVA_OBJECT:
            case Types.NULL:
                return null;
            default:
                throw SqlErrors.unsupported("the JDBC type " + sqlType + " (java.sql.Types)");
        }
    }
}
