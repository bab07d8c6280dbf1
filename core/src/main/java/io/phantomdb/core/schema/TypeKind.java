package io.phantomdb.core.schema;

/**
 * The SQL types PhantomDB stores, each with its PostgreSQL name and OID (as the wire protocol reports
 * them) and its width in a row: a fixed number of bytes, or {@link #VARIABLE_WIDTH}.
 * <p>
 * Parameters (precision, scale, length) belong to {@link ColumnType}, not to the kind.
 * <p>
 * <b>Note:</b> an enum, immutable, safe to share between threads.
 */
public enum TypeKind
{
    /** {@code BOOLEAN}: one byte, 0 or 1. */
    BOOLEAN("bool", 16, 1),
    /** {@code SMALLINT}: two-byte signed integer. */
    SMALLINT("int2", 21, 2),
    /** {@code INTEGER}: four-byte signed integer. */
    INTEGER("int4", 23, 4),
    /** {@code BIGINT}: eight-byte signed integer. */
    BIGINT("int8", 20, 8),
    /** {@code REAL}: IEEE 754 binary32. */
    REAL("float4", 700, 4),
    /** {@code DOUBLE PRECISION}: IEEE 754 binary64. */
    DOUBLE_PRECISION("float8", 701, 8),
    /** {@code NUMERIC(p,s)} / {@code DECIMAL(p,s)}: exact decimal, variable width. */
    NUMERIC("numeric", 1700, TypeKind.VARIABLE_WIDTH),
    /** {@code CHARACTER(n)}: blank-padded text of exactly n characters, UTF-8, variable width. */
    CHAR("bpchar", 1042, TypeKind.VARIABLE_WIDTH),
    /** {@code VARCHAR(n)}: text of at most n characters (or unbounded), UTF-8, variable width. */
    VARCHAR("varchar", 1043, TypeKind.VARIABLE_WIDTH),
    /** {@code TEXT}: unbounded text, UTF-8, variable width. */
    TEXT("text", 25, TypeKind.VARIABLE_WIDTH),
    /** {@code BYTEA}: bytes, variable width. */
    BYTEA("bytea", 17, TypeKind.VARIABLE_WIDTH),
    /** {@code DATE}: four-byte signed days since 1970-01-01. */
    DATE("date", 1082, 4),
    /** {@code TIME} (without time zone): eight-byte microseconds since midnight, 0 to 24:00:00. */
    TIME("time", 1083, 8),
    /** {@code TIMESTAMP} (without time zone): eight-byte microseconds since 1970-01-01T00:00 (UTC). */
    TIMESTAMP("timestamp", 1114, 8),
    /** {@code JSON}: the document text, UTF-8, variable width; validated before it reaches a row. */
    JSON("json", 114, TypeKind.VARIABLE_WIDTH);

    /** Width reported for kinds stored in the variable-length area of a row (PostgreSQL's typlen -1). */
    public static final int VARIABLE_WIDTH = -1;

    private final String pgTypeName;
    private final int pgOid;
    private final int fixedWidth;

    TypeKind(final String pgTypeName, final int pgOid, final int fixedWidth)
    {
        this.pgTypeName = pgTypeName;
        this.pgOid = pgOid;
        this.fixedWidth = fixedWidth;
    }

    /**
     * @return the PostgreSQL type name ({@code pg_type.typname}), for example {@code int4}.
     */
    public String pgTypeName()
    {
        return pgTypeName;
    }

    /**
     * @return the PostgreSQL type OID, for example 23 for {@code int4}.
     */
    public int pgOid()
    {
        return pgOid;
    }

    /**
     * @return the width in bytes in a row's fixed area, or {@link #VARIABLE_WIDTH}; equal to PostgreSQL's
     * {@code typlen} for every kind.
     */
    public int fixedWidth()
    {
        return fixedWidth;
    }

    /**
     * @return true if stored in the fixed-width area of a row.
     */
    public boolean isFixedWidth()
    {
        return fixedWidth != VARIABLE_WIDTH;
    }

    /**
     * @return true for the text kinds: CHAR, VARCHAR, TEXT and JSON (all stored as UTF-8).
     */
    public boolean isText()
    {
        return this == CHAR || this == VARCHAR || this == TEXT || this == JSON;
    }
}
