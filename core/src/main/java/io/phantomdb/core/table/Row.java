package io.phantomdb.core.table;

import io.phantomdb.core.catalog.CatalogException;
import io.phantomdb.core.catalog.TableDefinition;
import io.phantomdb.core.row.RowFlyweight;
import io.phantomdb.core.schema.TableSchema;
import io.phantomdb.core.txn.Transaction;
import org.agrona.DirectBuffer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * A table row read by {@link Tx#get} or a {@link RowCursor}: typed getters by column ordinal (from 0) or name
 * (ignoring ASCII case). A flyweight over the stored bytes: valid until the next call on its transaction or
 * cursor; {@link #toArray()} copies the values out.
 * <p>
 * Getters throw {@link IllegalArgumentException} when the column's type does not match the getter and
 * {@link IllegalStateException} when the value is NULL (check {@link #isNull} first, or use
 * {@link #getObject}); an unknown name throws {@link CatalogException} (42703).
 * <p>
 * <b>Note:</b> not thread safe; owned by its transaction's thread.
 */
public final class Row
{
    private final Transaction transaction;
    private final TableDefinition table;
    private final RowFlyweight flyweight;

    Row(final Transaction transaction, final TableDefinition table)
    {
        this.transaction = transaction;
        this.table = table;
        this.flyweight = new RowFlyweight(table.layout());
    }

    Row wrap(final DirectBuffer buffer, final int offset, final int length)
    {
        TableOps.checkShape(transaction, table, buffer, length);
        flyweight.wrap(buffer, offset, length);
        return this;
    }

    /**
     * @return the schema of the row's table.
     */
    public TableSchema schema()
    {
        return table.schema();
    }

    /**
     * @param name a column name.
     * @return its ordinal.
     * @throws CatalogException {@link CatalogException#UNDEFINED_COLUMN} if the table has no such column.
     */
    public int ordinal(final String name)
    {
        final int ordinal = table.schema().columnOrdinal(name);
        if (ordinal < 0)
        {
            throw new CatalogException(CatalogException.UNDEFINED_COLUMN,
                "column \"" + name + "\" of relation \"" + table.name() + "\" does not exist");
        }
        return ordinal;
    }

    /**
     * @param column ordinal.
     * @return true if NULL.
     */
    public boolean isNull(final int column)
    {
        return flyweight.isNull(column);
    }

    /**
     * @param column name.
     * @return true if NULL.
     */
    public boolean isNull(final String column)
    {
        return flyweight.isNull(ordinal(column));
    }

    /**
     * @param column ordinal.
     * @return the value as its Java class (see {@link Tx#insert}), or null for NULL.
     */
    public Object getObject(final int column)
    {
        return ValueCodec.get(flyweight, column);
    }

    /**
     * @param column name.
     * @return the value as its Java class, or null for NULL.
     */
    public Object getObject(final String column)
    {
        return getObject(ordinal(column));
    }

    /**
     * @param column ordinal of a BOOLEAN column.
     * @return the value.
     */
    public boolean getBoolean(final int column)
    {
        return flyweight.getBoolean(column);
    }

    /**
     * @param column name of a BOOLEAN column.
     * @return the value.
     */
    public boolean getBoolean(final String column)
    {
        return flyweight.getBoolean(ordinal(column));
    }

    /**
     * @param column ordinal of a SMALLINT column.
     * @return the value.
     */
    public short getShort(final int column)
    {
        return flyweight.getShort(column);
    }

    /**
     * @param column name of a SMALLINT column.
     * @return the value.
     */
    public short getShort(final String column)
    {
        return flyweight.getShort(ordinal(column));
    }

    /**
     * @param column ordinal of an INTEGER column.
     * @return the value.
     */
    public int getInt(final int column)
    {
        return flyweight.getInt(column);
    }

    /**
     * @param column name of an INTEGER column.
     * @return the value.
     */
    public int getInt(final String column)
    {
        return flyweight.getInt(ordinal(column));
    }

    /**
     * @param column ordinal of a BIGINT column.
     * @return the value.
     */
    public long getLong(final int column)
    {
        return flyweight.getLong(column);
    }

    /**
     * @param column name of a BIGINT column.
     * @return the value.
     */
    public long getLong(final String column)
    {
        return flyweight.getLong(ordinal(column));
    }

    /**
     * @param column ordinal of a REAL column.
     * @return the value.
     */
    public float getFloat(final int column)
    {
        return flyweight.getFloat(column);
    }

    /**
     * @param column name of a REAL column.
     * @return the value.
     */
    public float getFloat(final String column)
    {
        return flyweight.getFloat(ordinal(column));
    }

    /**
     * @param column ordinal of a DOUBLE PRECISION column.
     * @return the value.
     */
    public double getDouble(final int column)
    {
        return flyweight.getDouble(column);
    }

    /**
     * @param column name of a DOUBLE PRECISION column.
     * @return the value.
     */
    public double getDouble(final String column)
    {
        return flyweight.getDouble(ordinal(column));
    }

    /**
     * @param column ordinal of a NUMERIC column.
     * @return the value.
     */
    public BigDecimal getDecimal(final int column)
    {
        return flyweight.getDecimal(column);
    }

    /**
     * @param column name of a NUMERIC column.
     * @return the value.
     */
    public BigDecimal getDecimal(final String column)
    {
        return flyweight.getDecimal(ordinal(column));
    }

    /**
     * @param column ordinal of a CHARACTER, VARCHAR, TEXT or JSON column.
     * @return the value.
     */
    public String getString(final int column)
    {
        return flyweight.getString(column);
    }

    /**
     * @param column name of a CHARACTER, VARCHAR, TEXT or JSON column.
     * @return the value.
     */
    public String getString(final String column)
    {
        return flyweight.getString(ordinal(column));
    }

    /**
     * @param column ordinal of a BYTEA column.
     * @return a copy of the bytes.
     */
    public byte[] getBytes(final int column)
    {
        return flyweight.getBytes(column);
    }

    /**
     * @param column name of a BYTEA column.
     * @return a copy of the bytes.
     */
    public byte[] getBytes(final String column)
    {
        return flyweight.getBytes(ordinal(column));
    }

    /**
     * @param column ordinal of a DATE column.
     * @return the value.
     */
    public LocalDate getDate(final int column)
    {
        return flyweight.getLocalDate(column);
    }

    /**
     * @param column name of a DATE column.
     * @return the value.
     */
    public LocalDate getDate(final String column)
    {
        return flyweight.getLocalDate(ordinal(column));
    }

    /**
     * @param column ordinal of a TIME column.
     * @return the value.
     */
    public LocalTime getTime(final int column)
    {
        return flyweight.getLocalTime(column);
    }

    /**
     * @param column name of a TIME column.
     * @return the value.
     */
    public LocalTime getTime(final String column)
    {
        return flyweight.getLocalTime(ordinal(column));
    }

    /**
     * @param column ordinal of a TIMESTAMP column.
     * @return the value.
     */
    public LocalDateTime getTimestamp(final int column)
    {
        return flyweight.getLocalDateTime(column);
    }

    /**
     * @param column name of a TIMESTAMP column.
     * @return the value.
     */
    public LocalDateTime getTimestamp(final String column)
    {
        return flyweight.getLocalDateTime(ordinal(column));
    }

    /**
     * @return every column's value as its Java class (null for NULL), copied out of the row.
     */
    public Object[] toArray()
    {
        final Object[] values = new Object[table.schema().columnCount()];
        for (int i = 0; i < values.length; i++)
        {
            values[i] = ValueCodec.get(flyweight, i);
        }
        return values;
    }
}
