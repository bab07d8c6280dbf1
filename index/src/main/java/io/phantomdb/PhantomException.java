package io.phantomdb;

/**
 * Root of PhantomDB's storage failures: something the engine could not do durably or correctly.
 * Caller mistakes are {@link IllegalArgumentException}/{@link IllegalStateException} instead.
 * <p>
 * <b>Note:</b> immutable, safe to share between threads.
 */
public class PhantomException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, with the values that explain it.
     */
    public PhantomException(final String message)
    {
        super(message);
    }

    /**
     * @param message what failed, with the values that explain it.
     * @param cause   the underlying failure.
     */
    public PhantomException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
