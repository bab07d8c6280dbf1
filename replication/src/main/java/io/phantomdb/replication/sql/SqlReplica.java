package io.phantomdb.replication.sql;

import io.phantomdb.PhantomException;
import io.phantomdb.core.PhantomDB;
import io.phantomdb.core.PhantomDBConfig;
import io.phantomdb.core.table.Snapshot;
import io.phantomdb.core.txn.Engine;
import io.phantomdb.core.txn.EngineConfig;
import io.phantomdb.core.txn.Keyspace;
import io.phantomdb.core.txn.TxCursor;
import io.phantomdb.replication.EntryChecksum;
import io.phantomdb.replication.ReplicatedStore;
import io.phantomdb.replication.SnapshotChunk;
import io.phantomdb.replication.ReplicationTimeoutException;
import io.phantomdb.sql.PreparedSql;
import io.phantomdb.sql.SqlDatabase;
import io.phantomdb.sql.SqlDatabases;
import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlSession;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.BackoffIdleStrategy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.phantomdb.replication.MessageDescriptor.*;

/**
 * A member's SQL data: an in-memory deterministic {@link SqlDatabase} that the clustered service thread changes by
 * running each SQL transaction of the log ({@link SqlMessage}) in log order, committing it only if every statement's
 * result has the digest its client saw. Sessions of this member read it concurrently (MVCC snapshots).
 * <p>
 * Snapshots: {@link #forEachEntry} visits every keyspace of one consistent snapshot (the catalog first);
 * {@link #beginLoad()}, {@link #load} and {@link #endLoad()} rebuild the database from those entries.
 * <p>
 * <b>Note:</b> {@link #apply}, the load methods and {@link #close()} are called by the service thread only;
 * {@link #database()}, {@link #awaitStarted}, {@link #forEachEntry} and {@link #checksum()} by any thread.
 */
public final class SqlReplica implements AutoCloseable
{
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile SqlDatabase database;
    private SqlSession session;
    private Engine loading;
    private volatile long transactionsCommitted;
    private volatile long transactionsConflicted;

    /**
     * An empty replica (a member that starts without a snapshot).
     */
    public SqlReplica()
    {
        open(Engine.inMemory(engineConfig()));
    }

    /**
     * Run one SQL transaction of the log (a new request; retries are answered from the session records before this).
     *
     * @param request  the buffer holding the request.
     * @param offset   its offset.
     * @param length   its length.
     * @param position its log position.
     * @param response where the answer is encoded, from offset 0.
     * @return the answer's length; its status is COMMITTED, CONFLICT or REJECTED.
     */
    public int apply(
        final DirectBuffer request, final int offset, final int length, final long position,
        final MutableDirectBuffer response)
    {
        final long clientId = length >= REQUEST_HEADER_LENGTH ? request.getLong(offset + CLIENT_ID_OFFSET) : 0;
        final long sequence = length >= REQUEST_HEADER_LENGTH ? request.getLong(offset + SEQUENCE_OFFSET) : 0;
        final SqlMessage.Request decoded;
        try
        {
            decoded = SqlMessage.decode(request, offset, length);
        }
        catch (final RuntimeException ex)
        {
            return SqlMessage.answer(response, STATUS_REJECTED, clientId, sequence, position, 0,
                "malformed SQL request: " + ex.getMessage());
        }
        session.pinContext(decoded.timestamp(), decoded.seed());
        for (int i = 0; i < decoded.statements().size(); i++)
        {
            final RecordedStatement statement = decoded.statements().get(i);
            final long digest = run(statement);
            if (statement.validated() && digest != statement.digest())
            {
                session.rollback();
                transactionsConflicted++;
                return SqlMessage.answer(response, STATUS_CONFLICT, clientId, sequence, position, i, null);
            }
        }
        try
        {
            session.commit();
        }
        catch (final SqlException ex)
        {
            return SqlMessage.answer(response, STATUS_REJECTED, clientId, sequence, position, 0,
                "COMMIT failed on the cluster: " + ex.sqlState() + " " + ex.getMessage());
        }
        transactionsCommitted++;
        return SqlMessage.answer(response, STATUS_COMMITTED, clientId, sequence, position, 0, null);
    }

    private long run(final RecordedStatement statement)
    {
        try
        {
            if (0 == statement.parameters().length)
            {
                return ResultDigest.of(session.execute(statement.sql()));
            }
            try (PreparedSql prepared = session.prepare(statement.sql()))
            {
                return ResultDigest.of(prepared.execute(statement.parameters()));
            }
        }
        catch (final SqlException ex)
        {
            return ResultDigest.error(ex.sqlState());
        }
    }

    /**
     * Mark the replica ready for sessions (the service started, its snapshot, if any, is loaded). Service thread.
     */
    public void markStarted()
    {
        started.countDown();
    }

    /**
     * Wait until the service started.
     *
     * @param timeoutNs longest wait.
     * @return the database.
     * @throws ReplicationTimeoutException if it did not start in time.
     */
    public SqlDatabase awaitStarted(final long timeoutNs)
    {
        try
        {
            if (!started.await(timeoutNs, TimeUnit.NANOSECONDS))
            {
                throw new ReplicationTimeoutException(
                    "the member's service did not start within " + TimeUnit.NANOSECONDS.toMillis(timeoutNs) + " ms");
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new PhantomException("interrupted while waiting for the member to start", ex);
        }
        return database;
    }

    /**
     * @return the database as of now (replaced only while a snapshot loads at start).
     */
    public SqlDatabase database()
    {
        return database;
    }

    /**
     * @return SQL transactions this member committed since it started (log replay included).
     */
    public long transactionsCommitted()
    {
        return transactionsCommitted;
    }

    /**
     * @return SQL transactions this member aborted because a result differed from the client's.
     */
    public long transactionsConflicted()
    {
        return transactionsConflicted;
    }

    /**
     * Visit every entry of one consistent snapshot: the catalog's keyspace first, then every table's and index's.
     *
     * @param visitor receives each entry; buffers valid during the call only.
     */
    public void forEachEntry(final ReplicatedStore.EntryVisitor visitor)
    {
        try (Snapshot snapshot = database.engine().snapshot())
        {
            for (final Keyspace keyspace : snapshot.keyspaces())
            {
                final TxCursor cursor = snapshot.cursor(keyspace);
                for (boolean more = cursor.first(); more; more = cursor.next())
                {
                    final DirectBuffer key = cursor.key();
                    final DirectBuffer value = cursor.value();
                    visitor.onEntry(keyspace.id(), key, 0, key.capacity(), value, 0, value.capacity());
                }
            }
        }
    }

    /**
     * @return an {@link EntryChecksum} of every entry (catalog, tables, indexes) of one snapshot: equal on members
     * that applied the same log prefix.
     */
    public long checksum()
    {
        final EntryChecksum checksum = new EntryChecksum();
        forEachEntry(checksum);
        return checksum.value();
    }

    /**
     * Start rebuilding from a snapshot: entries go into a new, empty engine. Service thread.
     */
    public void beginLoad()
    {
        if (null == loading)
        {
            loading = Engine.inMemory(engineConfig());
        }
    }

    /**
     * Load a chunk of snapshot entries ({@code [int keyspace][int keyLength][int valueLength][key][value]}). Service
     * thread, between {@link #beginLoad()} and {@link #endLoad()}.
     *
     * @param chunk  the buffer.
     * @param offset the first entry.
     * @param count  entries.
     */
    public void load(final DirectBuffer chunk, final int offset, final int count)
    {
        beginLoad();
        SnapshotChunk.load(loading, chunk, offset, count);
    }

    /**
     * Finish a load: the rebuilt database replaces the current one. Service thread.
     */
    public void endLoad()
    {
        if (null == loading)
        {
            return;
        }
        final Engine loaded = loading;
        loading = null;
        final SqlDatabase previous = database;
        session.close();
        open(loaded);
        previous.close();
    }

    private void open(final Engine engine)
    {
        database = SqlDatabases.deterministic(PhantomDB.over(engine, "<replica>", new PhantomDBConfig()));
        session = database.openSession();
        session.setAutoCommit(false);
    }

    @Override
    public void close()
    {
        if (null != loading)
        {
            loading.close();
            loading = null;
        }
        session.close();
        database.close();
    }

    private static EngineConfig engineConfig()
    {
        return new EngineConfig()
            .writerIdleStrategy(() -> new BackoffIdleStrategy(10, 10, 1_000, TimeUnit.MILLISECONDS.toNanos(1)));
    }
}
