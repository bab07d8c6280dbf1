package io.phantomdb.sql.exec;

/**
 * A copied tuple used as a hash key (grouping, DISTINCT, set operations, hash join build side), with
 * equality and hash by {@link ValueSemantics}.
 * <p>
 * <b>Note:</b> immutable once built.
 */
public final class GroupKey
{
    private final Object[] values;
    private final ValueSemantics semantics;
    private final int hash;

    /**
     * @param values    the tuple; kept, not copied.
     * @param semantics comparison rules.
     */
    public GroupKey(final Object[] values, final ValueSemantics semantics)
    {
        this.values = values;
        this.semantics = semantics;
        int h = 1;
        for (final Object value : values)
        {
            h = 31 * h + semantics.hash(value);
        }
        this.hash = h;
    }

    /**
     * @return the tuple.
     */
    public Object[] values()
    {
        return values;
    }

    /**
     * @return whether any value is NULL (such keys never join).
     */
    public boolean hasNull()
    {
        for (final Object value : values)
        {
            if (null == value)
            {
                return true;
            }
        }
        return false;
    }

    @Override
    public int hashCode()
    {
        return hash;
    }

    @Override
    public boolean equals(final Object o)
    {
        if (!(o instanceof GroupKey))
        {
            return false;
        }
        final GroupKey other = (GroupKey)o;
        if (other.hash != hash || other.values.length != values.length)
        {
            return false;
        }
        for (int i = 0; i < values.length; i++)
        {
            if (!semantics.same(values[i], other.values[i]))
            {
                return false;
            }
        }
        return true;
    }
}
