package io.phantomdb;

/**
 * An operation was attempted on a structure or database that has been closed.
 * <p>
 * <b>Note:</b> immutable, safe to share between threads.
 */
public class ClosedException extends PhantomException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param what the closed thing, for example the file it was opened from.
     */
    public ClosedException(final String what)
    {
        super(what + " is closed");
    }
}
