package io.phantomdb.server.pgwire;

/**
 * A frontend message that breaks the protocol (truncated, oversized, unknown type, wrong phase). The connection
 * that sent it is told (08P01) and closed; no other connection is affected.
 */
public final class ProtocolException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message what was wrong, with the offending values.
     */
    public ProtocolException(final String message)
    {
        super(message);
    }
}
