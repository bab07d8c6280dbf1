package io.phantomdb.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The server side of one SCRAM-SHA-256 exchange as PostgreSQL runs it: the user name comes from the startup
 * message (the SCRAM {@code n=} attribute is ignored), no channel binding ({@code n,,} or {@code y,,}). For an
 * unknown user the exchange runs against a made-up verifier, so the client learns nothing before the final
 * failure.
 * <p>
 * <b>Note:</b> not thread-safe; one connection's thread drives it.
 */
public final class ScramExchange
{
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ScramVerifier verifier;
    private final boolean knownUser;
    private String clientFirstBare;
    private String serverFirst;
    private String gs2Header;
    private String nonce;

    /**
     * @param verifier the user's verifier, or null when the user does not exist.
     */
    public ScramExchange(final ScramVerifier verifier)
    {
        this.knownUser = verifier != null;
        this.verifier = verifier != null ? verifier : ScramVerifier.create(Long.toString(RANDOM.nextLong()));
    }

    /**
     * Reads the client-first-message and answers the server-first-message.
     *
     * @param clientFirst the client's first message.
     * @return the server's first message.
     * @throws AuthenticationException if the message is malformed or asks for channel binding.
     */
    public String serverFirst(final String clientFirst)
    {
        final int headerEnd = headerEnd(clientFirst);
        gs2Header = clientFirst.substring(0, headerEnd);
        if (!gs2Header.startsWith("n,") && !gs2Header.startsWith("y,"))
        {
            throw new AuthenticationException("08P01", "SCRAM channel binding is not supported");
        }
        clientFirstBare = clientFirst.substring(headerEnd);
        final String clientNonce = attribute(clientFirstBare, 'r');
        final byte[] random = new byte[18];
        RANDOM.nextBytes(random);
        nonce = clientNonce + Base64.getEncoder().encodeToString(random);
        serverFirst = "r=" + nonce + ",s=" + Base64.getEncoder().encodeToString(verifier.salt()) +
            ",i=" + verifier.iterations();
        return serverFirst;
    }

    /**
     * Checks the client-final-message's proof and answers the server-final-message.
     *
     * @param clientFinal the client's final message.
     * @return the server's final message, proving the server knows the verifier.
     * @throws AuthenticationException with 28P01 if the proof is wrong or the user unknown, 08P01 if malformed.
     */
    public String serverFinal(final String clientFinal)
    {
        if (serverFirst == null)
        {
            throw new AuthenticationException("08P01", "SCRAM final message before the first");
        }
        final int proofAt = clientFinal.lastIndexOf(",p=");
        if (proofAt < 0)
        {
            throw new AuthenticationException("08P01", "malformed SCRAM client-final-message: no proof");
        }
        final String withoutProof = clientFinal.substring(0, proofAt);
        final String binding = attribute(withoutProof, 'c');
        final String expectedBinding =
            Base64.getEncoder().encodeToString(gs2Header.getBytes(StandardCharsets.UTF_8));
        if (!binding.equals(expectedBinding))
        {
            throw new AuthenticationException("08P01", "SCRAM channel binding does not match the first message");
        }
        if (!nonce.equals(attribute(withoutProof, 'r')))
        {
            throw new AuthenticationException("08P01", "SCRAM nonce does not match");
        }
        final byte[] proof;
        try
        {
            proof = Base64.getDecoder().decode(clientFinal.substring(proofAt + 3));
        }
        catch (final IllegalArgumentException ex)
        {
            throw new AuthenticationException("08P01", "malformed SCRAM proof");
        }
        final byte[] authMessage = (clientFirstBare + "," + serverFirst + "," + withoutProof)
            .getBytes(StandardCharsets.UTF_8);
        final byte[] clientSignature = ScramVerifier.hmac(verifier.storedKey(), authMessage);
        if (proof.length != clientSignature.length)
        {
            throw new AuthenticationException("28P01", null);
        }
        final byte[] clientKey = new byte[proof.length];
        for (int i = 0; i < proof.length; i++)
        {
            clientKey[i] = (byte)(proof[i] ^ clientSignature[i]);
        }
        if (!knownUser || !MessageDigest.isEqual(ScramVerifier.sha256(clientKey), verifier.storedKey()))
        {
            throw new AuthenticationException("28P01", null);
        }
        return "v=" + Base64.getEncoder().encodeToString(ScramVerifier.hmac(verifier.serverKey(), authMessage));
    }

    private static int headerEnd(final String clientFirst)
    {
        final int first = clientFirst.indexOf(',');
        final int second = first < 0 ? -1 : clientFirst.indexOf(',', first + 1);
        if (second < 0)
        {
            throw new AuthenticationException("08P01", "malformed SCRAM client-first-message");
        }
        return second + 1;
    }

    private static String attribute(final String message, final char name)
    {
        for (final String part : message.split(","))
        {
            if (part.length() >= 2 && part.charAt(0) == name && part.charAt(1) == '=')
            {
                return part.substring(2);
            }
        }
        throw new AuthenticationException("08P01", "SCRAM message lacks attribute '" + name + "'");
    }
}
