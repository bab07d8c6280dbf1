package io.phantomdb.sql.ast;

import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlState;

import java.util.List;

/**
 * A type as written: a lower-case name with multi-word names joined by one space ({@code "double precision"},
 * {@code "character varying"}, {@code "timestamp"}; {@code TIMESTAMP WITH TIME ZONE} is
 * {@code "timestamptz"}) and its numeric parameters (precision and scale, or length).
 * {@link #toColumnType()} maps it to the engine's {@link ColumnType}.
 * <p>
 * <b>Note:</b> immutable; thread safe.
 *
 * @param position 1-based offset of the type's first word.
 * @param name     the type name, lower case.
 * @param params   the parameters in parentheses, empty when not written.
 */
public record TypeName(int position, String name, List<Integer> params) implements Node
{
    /**
     * Maps the name and parameters to a core column type.
     *
     * @return the column type.
     * @throws SqlException 42704 when the type is unknown, 0A000 for a known type PhantomDB lacks,
     *                      22023 when the parameters do not fit the type.
     */
    public ColumnType toColumnType()
    {
        try
        {
            return map();
        }
        catch (final IllegalArgumentException ex)
        {
            throw new SqlException(SqlState.INVALID_PARAMETER_VALUE, ex.getMessage(), position);
        }
    }

    @Override
    public String toString()
    {
        if (params.isEmpty())
        {
            return name;
        }
        final StringBuilder sb = new StringBuilder(name).append('(');
        for (int i = 0; i < params.size(); i++)
        {
            sb.append(i == 0 ? "" : ",").append(params.get(i));
        }
        return sb.append(')').toString();
    }

    private ColumnType map()
    {
        switch (name)
        {
            case "boolean":
            case "bool":
                return plain(ColumnType.BOOLEAN);
            case "smallint":
            case "int2":
                return plain(ColumnType.SMALLINT);
            case "integer":
            case "int":
            case "int4":
                return plain(ColumnType.INTEGER);
            case "bigint":
            case "int8":
                return plain(ColumnType.BIGINT);
            case "real":
            case "float4":
                return plain(ColumnType.REAL);
            case "double precision":
            case "float8":
                return plain(ColumnType.DOUBLE_PRECISION);
            case "float":
                return floatType();
            case "decimal":
            case "numeric":
                return numericType();
            case "char":
            case "character":
            case "bpchar":
                return ColumnType.character(lengthOr(1));
            case "varchar":
            case "character varying":
                return params.isEmpty() ? ColumnType.VARCHAR : ColumnType.varchar(length());
            case "text":
                return plain(ColumnType.TEXT);
            case "bytea":
                return plain(ColumnType.BYTEA);
            case "date":
                return plain(ColumnType.DATE);
            case "time":
                return plain(ColumnType.TIME);
            case "timestamp":
                return plain(ColumnType.TIMESTAMP);
            case "json":
            case "jsonb":
                return plain(ColumnType.JSON);
            case "timestamptz":
            case "timetz":
            case "interval":
                throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "type " + name + " is not supported", position);
            default:
                throw new SqlException(SqlState.UNDEFINED_OBJECT, "type \"" + name + "\" does not exist", position);
        }
    }

    private ColumnType plain(final ColumnType type)
    {
        if (!params.isEmpty())
        {
            throw new SqlException(
                SqlState.SYNTAX_ERROR, "type " + name + " does not take parameters: " + this, position);
        }
        return type;
    }

    private ColumnType floatType()
    {
        if (params.isEmpty())
        {
            return ColumnType.DOUBLE_PRECISION;
        }
        final int bits = length();
        if (bits < 1 || bits > 53)
        {
            throw new SqlException(
                SqlState.INVALID_PARAMETER_VALUE, "precision for type float must be between 1 and 53 bits", position);
        }
        return bits <= 24 ? ColumnType.REAL : ColumnType.DOUBLE_PRECISION;
    }

    private ColumnType numericType()
    {
        switch (params.size())
        {
            case 0:
                return ColumnType.NUMERIC;
            case 1:
                return ColumnType.numeric(params.get(0));
            case 2:
                return ColumnType.numeric(params.get(0), params.get(1));
            default:
                throw new SqlException(SqlState.SYNTAX_ERROR, "type " + name + " takes at most two parameters", position);
        }
    }

    private int lengthOr(final int absent)
    {
        return params.isEmpty() ? absent : length();
    }

    private int length()
    {
        if (params.size() != 1)
        {
            throw new SqlException(SqlState.SYNTAX_ERROR, "type " + name + " takes one parameter: " + this, position);
        }
        return params.get(0);
    }
}
