package io.phantomdb.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The client side of one SCRAM-SHA-256 exchange (no channel binding), for the server's own tools such as
 * {@code phantomdb bench}.
 * <p>
 * <b>Note:</b> not thread-safe; one per connection attempt.
 */
public final class ScramClient
{
    private final String password;
    private final String clientNonce;
    private String authMessage;
    private byte[] serverKey;

    /**
     * @param password the user's password.
     */
    public ScramClient(final String password)
    {
        this.password = password;
        final byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        this.clientNonce = Base64.getEncoder().encodeToString(random);
    }

    /**
     * @return the client-first-message.
     */
    public String clientFirst()
    {
        return "n,," + clientFirstBare();
    }

    private String clientFirstBare()
    {
        return "n=,r=" + clientNonce;
    }

    /**
     * @param serverFirst the server-first-message.
     * @return the client-final-message with the proof.
     * @throws AuthenticationException if the server's nonce does not extend ours.
     */
    public String clientFinal(final String serverFirst)
    {
        String nonce = null;
        byte[] salt = null;
        int iterations = 0;
        for (final String part : serverFirst.split(","))
        {
            if (part.startsWith("r="))
            {
                nonce = part.substring(2);
            }
            else if (part.startsWith("s="))
            {
                salt = Base64.getDecoder().decode(part.substring(2));
            }
            else if (part.startsWith("i="))
            {
                iterations = Integer.parseInt(part.substring(2));
            }
        }
        if (nonce == null || !nonce.startsWith(clientNonce) || salt == null || iterations < 1)
        {
            throw new AuthenticationException("08P01", "malformed SCRAM server-first-message: " + serverFirst);
        }
        final String withoutProof = "c=biws,r=" + nonce;
        authMessage = clientFirstBare() + "," + serverFirst + "," + withoutProof;
        final byte[] salted = ScramVerifier.hi(password.getBytes(StandardCharsets.UTF_8), salt, iterations);
        final byte[] clientKey = ScramVerifier.hmac(salted, "Client Key".getBytes(StandardCharsets.US_ASCII));
        serverKey = ScramVerifier.hmac(salted, "Server Key".getBytes(StandardCharsets.US_ASCII));
        final byte[] signature = ScramVerifier.hmac(ScramVerifier.sha256(clientKey), authMessage.getBytes(StandardCharsets.UTF_8));
        final byte[] proof = new byte[clientKey.length];
        for (int i = 0; i < proof.length; i++)
        {
            proof[i] = (byte)(clientKey[i] ^ signature[i]);
        }
        return withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof);
    }

    /**
     * @param serverFinal the server-final-message.
     * @throws AuthenticationException if the server's signature is wrong.
     */
    public void verify(final String serverFinal)
    {
        final byte[] expected = ScramVerifier.hmac(serverKey, authMessage.getBytes(StandardCharsets.UTF_8));
        if (!serverFinal.startsWith("v=") ||
            !MessageDigest.isEqual(expected, Base64.getDecoder().decode(serverFinal.substring(2))))
        {
            throw new AuthenticationException("28000", "the server's SCRAM signature is wrong");
        }
    }
}
