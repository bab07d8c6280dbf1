package io.phantomdb.sql.exec;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Passes each distinct input row once (first occurrence), by a hash set of copied rows.
 * <p>
 * <b>Note:</b> confined to the statement's thread.
 */
public final class DistinctOperator extends Operator
{
    private final Operator input;
    private final ValueSemantics semantics;
    private final Set<GroupKey> seen = new HashSet<>();

    /**
     * @param input     the input.
     * @param semantics value equality.
     */
    public DistinctOperator(final Operator input, final ValueSemantics semantics)
    {
        super(input.estimatedRows());
        this.input = input;
        this.semantics = semantics;
    }

    @Override
    protected void doOpen()
    {
        seen.clear();
        input.open(ctx);
    }

    @Override
    protected boolean doNext()
    {
        while (input.next())
        {
            ctx.checkInterrupt();
            if (seen.add(new GroupKey(input.row().clone(), semantics)))
            {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close()
    {
        seen.clear();
        super.close();
    }

    @Override
    public Object[] row()
    {
        return input.row();
    }

    @Override
    public int width()
    {
        return input.width();
    }

    @Override
    public List<Operator> children()
    {
        return List.of(input);
    }

    @Override
    public String describe()
    {
        return "Distinct";
    }
}
