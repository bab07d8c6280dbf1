package io.phantomdb.server.auth;

/**
 * A refused or malformed authentication, with the SQLSTATE the client gets: 28P01 for a wrong password or
 * unknown user (the message is then left to the caller, which names the user), 08P01 for a protocol error.
 */
public final class AuthenticationException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final String sqlState;

    /**
     * @param sqlState the SQLSTATE.
     * @param message  the message, or null when the caller words it.
     */
    public AuthenticationException(final String sqlState, final String message)
    {
        super(message);
        this.sqlState = sqlState;
    }

    /**
     * @return the SQLSTATE.
     */
    public String sqlState()
    {
        return sqlState;
    }
}
