package io.phantomdb.core.schema;

/**
 * A column's SQL type: a {@link TypeKind} with its validated parameters. {@code NUMERIC} has a precision
 * and scale or is unconstrained; {@code CHARACTER} has a length; {@code VARCHAR} has a length or is
 * unbounded; every other kind has no parameters. {@code DECIMAL} is the same type as {@code NUMERIC}.
 * <p>
 * Parameters absent from a type read as {@link #UNSPECIFIED}. Two types are equal when kind and
 * parameters are equal.
 * <p>
 * <b>Note:</b> immutable, safe to share between threads.
 */
public final class ColumnType
{
    /** Value of {@link #precision()}, {@link #scale()} and {@link #length()} when the type has none. */
    public static final int UNSPECIFIED = -1;

    /** Largest precision of {@code NUMERIC(p,s)}, as in PostgreSQL. */
    public static final int MAX_NUMERIC_PRECISION = 1000;

    /** Largest length of {@code CHARACTER(n)} and {@code VARCHAR(n)}, as in PostgreSQL. */
    public static final int MAX_CHAR_LENGTH = 10 * 1024 * 1024;

    /** {@code BOOLEAN}. */
    public static final ColumnType BOOLEAN = new ColumnType(TypeKind.BOOLEAN, UNSPECIFIED, UNSPECIFIED, UNSPECIFIED);
    /** {@code SMALLINT}. */
    public static final ColumnType SMALLINT = new ColumnType(TypeKind.SMALLINT, UNSPECIFIED, UNSPECIFIED, UNSPECIFIED);
    /** {@code INTEGER}. */
    public static final ColumnType INTEGER = new ColumnType(TypeKind.INTEGER, UNSPECIFIED, UNSPECIFIED, UNSPECIFIED);
    /** {@code BIGINT}. */
    public static final ColumnType BIGINT = new ColumnType(TypeKind.BIGINT, UNSPECIFIED, UNSPECIFIED, UNSPECIFIED);
    /** {@code REAL}. */
    public static final ColumnType REAL = new ColumnType(TypeKind.REAL, UNSPECIFIED, UNSPECIFIED, UNSPECIFIED);
    /** {@code DOUBLE PRECISION}. */
    public static final ColumnType DOUBLE_PRECISION =
        new ColumnType(TypeKind.DOUBLE_PRECISION, UNSPECIFIED, UNSPECIFIED, UNSPECIFIED);
    /** {@code NUMERIC} without precision or scale: any value, any scale from 0 up. */
    public static final ColumnType NUMERIC = new ColumnType(TypeKind.NUMERIC, UNSPECIFIED, UNSPECIFIED, UNSPECIFIED);
    /** {@code VARCHAR} without a length: unbounded. */
    public static final ColumnType VARCHAR = new ColumnType(TypeKind.VARCHAR, UNSPECIFIED, UNSPECIFIED, UNSPECIFIED);
    /** {@code TEXT}. */
    public static final ColumnType TEXT = new ColumnType(TypeKind.TEXT, UNSPECIFIED, UNSPECIFIED, UNSPECIFIED);
    /** {@code BYTEA}. */
    public static final ColumnType BYTEA = new ColumnType(TypeKind.BYTEA, UNSPECIFIED, UNSPECIFIED, UNSPECIFIED);
    /** {@code DATE}. */
    public static final ColumnType DATE = new ColumnType(TypeKind.DATE, UNSPECIFIED, UNSPECIFIED, UNSPECIFIED);
    /** {@code TIME} (without time zone). */
    public static final ColumnType TIME = new ColumnType(TypeKind.TIME, UNSPECIFIED, UNSPECIFIED, UNSPECIFIED);
    /** {@code TIMESTAMP} (without time zone). */
    public static final ColumnType TIMESTAMP = new ColumnType(TypeKind.TIMESTAMP, UNSPECIFIED, UNSPECIFIED, UNSPECIFIED);
    /** {@code JSON}. */
    public static final ColumnType JSON = new ColumnType(TypeKind.JSON, UNSPECIFIED, UNSPECIFIED, UNSPECIFIED);

    private final TypeKind kind;
    private final int precision;
    private final int scale;
    private final int length;

    private ColumnType(final TypeKind kind, final int precision, final int scale, final int length)
    {
        this.kind = kind;
        this.precision = precision;
        this.scale = scale;
        this.length = length;
    }

    /**
     * {@code NUMERIC(p,s)}, also spelled {@code DECIMAL(p,s)}.
     *
     * @param precision total number of significant decimal digits, 1 to {@link #MAX_NUMERIC_PRECISION}.
     * @param scale     digits after the decimal point, 0 to {@code precision}.
     * @return the type.
     * @throws IllegalArgumentException if precision or scale is out of range.
     */
    public static ColumnType numeric(final int precision, final int scale)
    {
        if (precision < 1 || precision > MAX_NUMERIC_PRECISION)
        {
            throw new IllegalArgumentException(
                "NUMERIC precision " + precision + " must be between 1 and " + MAX_NUMERIC_PRECISION);
        }
        if (scale < 0 || scale > precision)
        {
            throw new IllegalArgumentException(
                "NUMERIC scale " + scale + " must be between 0 and precision " + precision);
        }
        return new ColumnType(TypeKind.NUMERIC, precision, scale, UNSPECIFIED);
    }

    /**
     * {@code NUMERIC(p)}, the same as {@code NUMERIC(p,0)}.
     *
     * @param precision total number of decimal digits, 1 to {@link #MAX_NUMERIC_PRECISION}.
     * @return the type.
     * @throws IllegalArgumentException if precision is out of range.
     */
    public static ColumnType numeric(final int precision)
    {
        return numeric(precision, 0);
    }

    /**
     * {@code CHARACTER(n)}: values are blank-padded to exactly n characters when written.
     *
     * @param length n, in characters (Unicode code points), 1 to {@link #MAX_CHAR_LENGTH}.
     * @return the type.
     * @throws IllegalArgumentException if the length is out of range.
     */
    public static ColumnType character(final int length)
    {
        return new ColumnType(TypeKind.CHAR, UNSPECIFIED, UNSPECIFIED, checkLength("CHARACTER", length));
    }

    /**
     * {@code VARCHAR(n)}.
     *
     * @param length n, the most characters (Unicode code points) a value may have, 1 to {@link #MAX_CHAR_LENGTH}.
     * @return the type.
     * @throws IllegalArgumentException if the length is out of range.
     */
    public static ColumnType varchar(final int length)
    {
        return new ColumnType(TypeKind.VARCHAR, UNSPECIFIED, UNSPECIFIED, checkLength("VARCHAR", length));
    }

    private static int checkLength(final String typeName, final int length)
    {
        if (length < 1 || length > MAX_CHAR_LENGTH)
        {
            throw new IllegalArgumentException(
                typeName + " length " + length + " must be between 1 and " + MAX_CHAR_LENGTH);
        }
        return length;
    }

    /**
     * @return the kind of this type.
     */
    public TypeKind kind()
    {
        return kind;
    }

    /**
     * @return the precision of a constrained {@code NUMERIC}, else {@link #UNSPECIFIED}.
     */
    public int precision()
    {
        return precision;
    }

    /**
     * @return the scale of a constrained {@code NUMERIC}, else {@link #UNSPECIFIED}.
     */
    public int scale()
    {
        return scale;
    }

    /**
     * @return the length in characters of {@code CHARACTER(n)} or {@code VARCHAR(n)}, else {@link #UNSPECIFIED}.
     */
    public int length()
    {
        return length;
    }

    /**
     * @return true if stored in the fixed-width area of a row.
     */
    public boolean isFixedWidth()
    {
        return kind.isFixedWidth();
    }

    /**
     * @return the PostgreSQL type OID (see {@link TypeKind#pgOid()}).
     */
    public int pgOid()
    {
        return kind.pgOid();
    }

    /**
     * @return the PostgreSQL type name (see {@link TypeKind#pgTypeName()}).
     */
    public String pgTypeName()
    {
        return kind.pgTypeName();
    }

    /**
     * @return the PostgreSQL type modifier ({@code atttypmod}) the wire protocol reports: n + 4 for
     * {@code CHARACTER(n)} and {@code VARCHAR(n)}, ((p &lt;&lt; 16) | s) + 4 for {@code NUMERIC(p,s)}, -1 otherwise.
     */
    public int pgTypeModifier()
    {
        if (length != UNSPECIFIED)
        {
            return length + 4;
        }
        if (precision != UNSPECIFIED)
        {
            return ((precision << 16) | scale) + 4;
        }
        return -1;
    }

    /**
     * @return the SQL spelling, for example {@code NUMERIC(10,2)}, {@code VARCHAR(20)}, {@code DOUBLE PRECISION}.
     */
    public String sqlName()
    {
        switch (kind)
        {
            case DOUBLE_PRECISION:
                return "DOUBLE PRECISION";
            case NUMERIC:
                return precision == UNSPECIFIED ? "NUMERIC" : "NUMERIC(" + precision + "," + scale + ")";
            case CHAR:
                return "CHARACTER(" + length + ")";
            case VARCHAR:
                return length == UNSPECIFIED ? "VARCHAR" : "VARCHAR(" + length + ")";
            default:
                return kind.name();
        }
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public boolean equals(final Object o)
    {
        if (this == o)
        {
            return true;
        }
        if (!(o instanceof ColumnType))
        {
            return false;
        }
        final ColumnType that = (ColumnType)o;
        return kind == that.kind && precision == that.precision && scale == that.scale && length == that.length;
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public int hashCode()
    {
        return ((kind.hashCode() * 31 + precision) * 31 + scale) * 31 + length;
    }

    /**
     * @return {@link #sqlName()}.
     */
    @Override
    public String toString()
    {
        return sqlName();
    }
}
