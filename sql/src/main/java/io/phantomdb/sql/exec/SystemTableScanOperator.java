package io.phantomdb.sql.exec;

import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reads a system table (pg_catalog, information_schema) computed on demand by its supplier.
 * <p>
 * <b>Note:</b> confined to the statement's thread; the supplier is called once per open.
 */
public final class SystemTableScanOperator extends Operator
{
    private final String name;
    private final Supplier<Iterable<Object[]>> rows;
    private final Object[] row;
    private Iterator<Object[]> iterator;

    /**
     * @param name  the qualified name, for EXPLAIN.
     * @param rows  computes the rows.
     * @param width the number of columns.
     */
    public SystemTableScanOperator(final String name, final Supplier<Iterable<Object[]>> rows, final int width)
    {
        super(100);
        this.name = name;
        this.rows = rows;
        this.row = new Object[width];
    }

    @Override
    protected void doOpen()
    {
        iterator = rows.get().iterator();
    }

    @Override
    protected boolean doNext()
    {
        if (null == iterator || !iterator.hasNext())
        {
            return false;
        }
        final Object[] next = iterator.next();
        System.arraycopy(next, 0, row, 0, Math.min(next.length, row.length));
        return true;
    }

    @Override
    public void close()
    {
        iterator = null;
    }

    @Override
    public Object[] row()
    {
        return row;
    }

    @Override
    public int width()
    {
        return row.length;
    }

    @Override
    public List<Operator> children()
    {
        return List.of();
    }

    @Override
    public String describe()
    {
        return "System Table Scan on " + name;
    }
}
