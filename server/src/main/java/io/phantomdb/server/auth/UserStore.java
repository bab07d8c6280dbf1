package io.phantomdb.server.auth;

import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlState;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The users allowed to log in with a password: name, SCRAM-SHA-256 verifier, superuser flag. Kept in
 * {@code users.scram} in the data directory (one {@code name<TAB>verifier<TAB>super|user} line per user,
 * replaced atomically on change), or in memory only when there is no directory.
 * <p>
 * <b>Note:</b> thread-safe; every method is synchronized (user changes are rare).
 */
public final class UserStore
{
    /** The file name in the data directory. */
    public static final String FILE_NAME = "users.scram";

    /**
     * One user.
     *
     * @param name      the user name.
     * @param verifier  the password verifier.
     * @param superuser whether the user may manage users.
     */
    public record User(String name, ScramVerifier verifier, boolean superuser)
    {
    }

    private final Path file;
    private final Map<String, User> users = new TreeMap<>();

    /**
     * Opens the store, reading the file if it exists.
     *
     * @param directory the data directory, or null for a store in memory.
     * @throws UncheckedIOException if the file cannot be read.
     */
    public UserStore(final Path directory)
    {
        this.file = directory == null ? null : directory.resolve(FILE_NAME);
        if (file != null && Files.exists(file))
        {
            try
            {
                for (final String line : Files.readAllLines(file, StandardCharsets.UTF_8))
                {
                    final String[] fields = line.split("\t");
                    if (fields.length == 3)
                    {
                        users.put(fields[0], new User(fields[0], ScramVerifier.parse(fields[1]), "super".equals(fields[2])));
                    }
                }
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException("cannot read " + file, ex);
            }
        }
    }

    /**
     * @param name a user name.
     * @return the user, or null.
     */
    public synchronized User find(final String name)
    {
        return users.get(name);
    }

    /**
     * @return the users in name order.
     */
    public synchronized List<User> list()
    {
        return new ArrayList<>(users.values());
    }

    /**
     * Creates a user.
     *
     * @param name      the name.
     * @param password  the password.
     * @param superuser whether the user may manage users.
     * @throws SqlException 42710 if the user exists.
     */
    public synchronized void create(final String name, final String password, final boolean superuser)
    {
        if (users.containsKey(name))
        {
            throw new SqlException("42710", "role \"" + name + "\" already exists");
        }
        users.put(name, new User(name, ScramVerifier.create(password == null ? randomPassword() : password), superuser));
        save();
    }

    /**
     * Changes a user's password.
     *
     * @param name     the name.
     * @param password the new password.
     * @throws SqlException 42704 if the user does not exist.
     */
    public synchronized void alterPassword(final String name, final String password)
    {
        final User user = users.get(name);
        if (user == null)
        {
            throw new SqlException(SqlState.UNDEFINED_OBJECT, "role \"" + name + "\" does not exist");
        }
        users.put(name, new User(name, ScramVerifier.create(password), user.superuser()));
        save();
    }

    /**
     * Drops a user.
     *
     * @param name     the name.
     * @param ifExists whether a missing user is fine.
     * @return whether a user was dropped.
     * @throws SqlException 42704 if the user does not exist and {@code ifExists} is false.
     */
    public synchronized boolean drop(final String name, final boolean ifExists)
    {
        if (users.remove(name) == null)
        {
            if (ifExists)
            {
                return false;
            }
            throw new SqlException(SqlState.UNDEFINED_OBJECT, "role \"" + name + "\" does not exist");
        }
        save();
        return true;
    }

    private static String randomPassword()
    {
        return Long.toHexString(new SecureRandom().nextLong());
    }

    private void save()
    {
        if (file == null)
        {
            return;
        }
        final StringBuilder text = new StringBuilder();
        for (final User user : users.values())
        {
            text.append(user.name()).append('\t').append(user.verifier().text()).append('\t')
                .append(user.superuser() ? "super" : "user").append('\n');
        }
        try
        {
            final Path temp = file.resolveSibling(FILE_NAME + ".tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (final IOException ex)
        {
            throw new SqlException(SqlState.INTERNAL_ERROR, "cannot write " + file + ": " + ex.getMessage(), 0, ex);
        }
    }
}
