package io.phantomdb.server.auth;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A SCRAM-SHA-256 password verifier (RFC 5802, RFC 7677): salt, iteration count, StoredKey and ServerKey. The
 * password itself is never kept. The text form is PostgreSQL's:
 * {@code SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>} with base64 fields.
 * <p>
 * <b>Note:</b> immutable (callers must not change the arrays), safe to share.
 *
 * @param iterations the PBKDF2 iteration count.
 * @param salt       the salt.
 * @param storedKey  H(HMAC(SaltedPassword, "Client Key")).
 * @param serverKey  HMAC(SaltedPassword, "Server Key").
 */
public record ScramVerifier(int iterations, byte[] salt, byte[] storedKey, byte[] serverKey)
{
    /** PostgreSQL's default iteration count. */
    public static final int DEFAULT_ITERATIONS = 4096;

    private static final String PREFIX = "SCRAM-SHA-256$";
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Derives a verifier for a password with a fresh random salt.
     *
     * @param password the password.
     * @return the verifier.
     */
    public static ScramVerifier create(final String password)
    {
        final byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return derive(password, salt, DEFAULT_ITERATIONS);
    }

    /**
     * Derives a verifier from a password, salt and iteration count.
     *
     * @param password   the password (UTF-8; not SASLprep-normalised, which only matters for non-ASCII passwords).
     * @param salt       the salt.
     * @param iterations the iteration count.
     * @return the verifier.
     */
    public static ScramVerifier derive(final String password, final byte[] salt, final int iterations)
    {
        final byte[] salted = hi(password.getBytes(StandardCharsets.UTF_8), salt, iterations);
        final byte[] clientKey = hmac(salted, "Client Key".getBytes(StandardCharsets.US_ASCII));
        return new ScramVerifier(
            iterations, salt, sha256(clientKey), hmac(salted, "Server Key".getBytes(StandardCharsets.US_ASCII)));
    }

    /**
     * Parses PostgreSQL's text form.
     *
     * @param text the text form.
     * @return the verifier.
     * @throws IllegalArgumentException if the text is malformed.
     */
    public static ScramVerifier parse(final String text)
    {
        if (!text.startsWith(PREFIX))
        {
            throw new IllegalArgumentException("not a SCRAM-SHA-256 verifier: " + text);
        }
        final String[] parts = text.substring(PREFIX.length()).split("[$:]");
        if (parts.length != 4)
        {
            throw new IllegalArgumentException("malformed SCRAM-SHA-256 verifier: " + text);
        }
        final Base64.Decoder decoder = Base64.getDecoder();
        return new ScramVerifier(
            Integer.parseInt(parts[0]), decoder.decode(parts[1]), decoder.decode(parts[2]), decoder.decode(parts[3]));
    }

    /**
     * @return PostgreSQL's text form.
     */
    public String text()
    {
        final Base64.Encoder encoder = Base64.getEncoder();
        return PREFIX + iterations + ":" + encoder.encodeToString(salt) + "$" + encoder.encodeToString(storedKey) +
            ":" + encoder.encodeToString(serverKey);
    }

    static byte[] hmac(final byte[] key, final byte[] message)
    {
        try
        {
            final Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalStateException("HmacSHA256 unavailable", ex);
        }
    }

    static byte[] sha256(final byte[] bytes)
    {
        try
        {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalStateException("SHA-256 unavailable", ex);
        }
    }

    static byte[] hi(final byte[] password, final byte[] salt, final int iterations)
    {
        try
        {
            final Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(password, "HmacSHA256"));
            mac.update(salt);
            mac.update(new byte[]{0, 0, 0, 1});
            byte[] u = mac.doFinal();
            final byte[] result = u.clone();
            for (int i = 1; i < iterations; i++)
            {
                u = mac.doFinal(u);
                for (int j = 0; j < result.length; j++)
                {
                    result[j] ^= u[j];
                }
            }
            return result;
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalStateException("HmacSHA256 unavailable", ex);
        }
    }
}
