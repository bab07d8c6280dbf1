package io.phantomdb.server.pgwire;

import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands out each connection's BackendKeyData (a process id and a random secret) and routes CancelRequests,
 * which arrive on a new connection, to the session they name. A request with a wrong secret is ignored, as in
 * PostgreSQL.
 * <p>
 * <b>Note:</b> thread-safe.
 */
final class CancelRegistry
{
    private final AtomicInteger nextProcessId = new AtomicInteger(1000);
    private final SecureRandom random = new SecureRandom();
    private final Map<Integer, Entry> entries = new ConcurrentHashMap<>();

    private record Entry(int secret, Runnable cancel)
    {
    }

    /**
     * @return a new process id.
     */
    int nextProcessId()
    {
        return nextProcessId.incrementAndGet();
    }

    /**
     * Registers a connection.
     *
     * @param processId its process id.
     * @param cancel    what a valid cancel request runs (from the event loop).
     * @return the secret.
     */
    int register(final int processId, final Runnable cancel)
    {
        final int secret = random.nextInt();
        entries.put(processId, new Entry(secret, cancel));
        return secret;
    }

    void unregister(final int processId)
    {
        entries.remove(processId);
    }

    /**
     * @return whether a connection with that key was told to cancel.
     */
    boolean cancel(final int processId, final int secret)
    {
        final Entry entry = entries.get(processId);
        if (entry == null || entry.secret() != secret)
        {
            return false;
        }
        entry.cancel().run();
        return true;
    }
}
