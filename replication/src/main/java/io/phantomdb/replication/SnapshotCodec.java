package io.phantomdb.replication;

import io.aeron.ExclusivePublication;
import io.aeron.FragmentAssembler;
import io.aeron.Image;
import io.aeron.Publication;
import io.phantomdb.PhantomException;
import io.phantomdb.replication.sql.SqlReplica;
import org.agrona.BitUtil;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableDirectByteBuffer;
import org.agrona.concurrent.IdleStrategy;

import java.util.function.Consumer;

/**
 * Writes a {@link ReplicatedStore} and a {@link SqlReplica} into a cluster snapshot and loads them back, format
 * version {@link #VERSION}.
 * <pre>
 * snapshot = ENTRIES* SQL_ENTRIES* END
 * ENTRIES:     [int type 100][int version][int count] count x [int keyspace][int keyLength][int valueLength][key][value]
 * SQL_ENTRIES: [int type 102] then as ENTRIES: the SQL database's keyspaces (catalog first)
 * END:         [int type 101][int version][long entries (both kinds)]
 * </pre>
 * Stored values are written as the store holds them (version prefix included), reserved keyspaces included, so a
 * loaded member has byte-for-byte the state (and {@link ReplicatedStore#checksum()}) of the member that took it.
 * <p>
 * <b>Note:</b> used by the clustered service thread only; not thread safe.
 */
final class SnapshotCodec
{
    static final int VERSION = 1;
    private static final int TYPE_ENTRIES = 100;
    private static final int TYPE_END = 101;
    private static final int TYPE_SQL_ENTRIES = 102;
    private static final int CHUNK_HEADER_LENGTH = 3 * BitUtil.SIZE_OF_INT;
    private static final int CHUNK_LIMIT = 48 * 1024;

    private final ExpandableDirectByteBuffer chunk = new ExpandableDirectByteBuffer(CHUNK_LIMIT + 1024);
    private int chunkType = TYPE_ENTRIES;
    private int chunkLength;
    private int chunkCount;
    private long entries;
    private boolean ended;
    private long loadedEntries;

    /**
     * Write every entry of one consistent snapshot of the store, then of the SQL data, to the publication (the service
     * thread is their only writer, so the two are of the same log position).
     *
     * @param store       the store.
     * @param sql         the SQL data.
     * @param publication the snapshot publication.
     * @param idle        idles while the publication is back-pressured.
     * @return entries written.
     */
    long write(
        final ReplicatedStore store, final SqlReplica sql, final ExclusivePublication publication,
        final IdleStrategy idle)
    {
        entries = 0;
        writeEntries(TYPE_ENTRIES, store::forEachEntry, publication, idle);
        writeEntries(TYPE_SQL_ENTRIES, sql::forEachEntry, publication, idle);
        chunk.putInt(0, TYPE_END);
        chunk.putInt(BitUtil.SIZE_OF_INT, VERSION);
        chunk.putLong(2 * BitUtil.SIZE_OF_INT, entries);
        offer(publication, 2 * BitUtil.SIZE_OF_INT + BitUtil.SIZE_OF_LONG, idle);
        return entries;
    }

    private void writeEntries(
        final int type, final Consumer<ReplicatedStore.EntryVisitor> source, final ExclusivePublication publication,
        final IdleStrategy idle)
    {
        chunkType = type;
        startChunk();
        source.accept((ks, key, keyOffset, keyLength, value, valueOffset, valueLength) ->
        {
            chunk.putInt(chunkLength, ks);
            chunk.putInt(chunkLength + BitUtil.SIZE_OF_INT, keyLength);
            chunk.putInt(chunkLength + 2 * BitUtil.SIZE_OF_INT, valueLength);
            chunk.putBytes(chunkLength + 3 * BitUtil.SIZE_OF_INT, key, keyOffset, keyLength);
            chunk.putBytes(chunkLength + 3 * BitUtil.SIZE_OF_INT + keyLength, value, valueOffset, valueLength);
            chunkLength += 3 * BitUtil.SIZE_OF_INT + keyLength + valueLength;
            chunkCount++;
            entries++;
            if (chunkLength >= CHUNK_LIMIT)
            {
                flushChunk(publication, idle);
            }
        });
        if (chunkCount > 0)
        {
            flushChunk(publication, idle);
        }
    }

    /**
     * Load a snapshot image into an empty store and SQL replica.
     *
     * @param image the snapshot image.
     * @param store the store to fill.
     * @param sql   the SQL replica to rebuild.
     * @param idle  idles while no fragment is available.
     * @return entries loaded.
     * @throws PhantomException if the image ends before its END record or its entry count disagrees.
     */
    long load(final Image image, final ReplicatedStore store, final SqlReplica sql, final IdleStrategy idle)
    {
        ended = false;
        loadedEntries = 0;
        final FragmentAssembler assembler = new FragmentAssembler((buffer, offset, length, header) ->
            onFragment(buffer, offset, store, sql));
        while (!ended)
        {
            final int fragments = image.poll(assembler, 16);
            if (0 == fragments && (image.isEndOfStream() || image.isClosed()))
            {
                break;
            }
            idle.idle(fragments);
        }
        if (!ended)
        {
            throw new PhantomException("cluster snapshot (image " + image.sourceIdentity() + ") ended after " +
                loadedEntries + " entries without its END record");
        }
        return loadedEntries;
    }

    private void onFragment(
        final DirectBuffer buffer, final int offset, final ReplicatedStore store, final SqlReplica sql)
    {
        final int type = buffer.getInt(offset);
        final int version = buffer.getInt(offset + BitUtil.SIZE_OF_INT);
        if (VERSION != version)
        {
            throw new PhantomException("cluster snapshot format " + version + " is not supported (expected " +
                VERSION + ")");
        }
        if (TYPE_ENTRIES == type)
        {
            final int count = buffer.getInt(offset + 2 * BitUtil.SIZE_OF_INT);
            store.load(buffer, offset + CHUNK_HEADER_LENGTH, count);
            loadedEntries += count;
        }
        else if (TYPE_SQL_ENTRIES == type)
        {
            final int count = buffer.getInt(offset + 2 * BitUtil.SIZE_OF_INT);
            sql.load(buffer, offset + CHUNK_HEADER_LENGTH, count);
            loadedEntries += count;
        }
        else if (TYPE_END == type)
        {
            final long expected = buffer.getLong(offset + 2 * BitUtil.SIZE_OF_INT);
            if (expected != loadedEntries)
            {
                throw new PhantomException("cluster snapshot END record says " + expected + " entries but " +
                    loadedEntries + " were loaded");
            }
            sql.endLoad();
            ended = true;
        }
        else
        {
            throw new PhantomException("cluster snapshot has an unknown record type " + type);
        }
    }

    private void startChunk()
    {
        chunk.putInt(0, chunkType);
        chunk.putInt(BitUtil.SIZE_OF_INT, VERSION);
        chunkLength = CHUNK_HEADER_LENGTH;
        chunkCount = 0;
    }

    private void flushChunk(final ExclusivePublication publication, final IdleStrategy idle)
    {
        chunk.putInt(2 * BitUtil.SIZE_OF_INT, chunkCount);
        offer(publication, chunkLength, idle);
        startChunk();
    }

    private void offer(final ExclusivePublication publication, final int length, final IdleStrategy idle)
    {
        idle.reset();
        long result;
        while ((result = publication.offer(chunk, 0, length)) < 0)
        {
            if (Publication.CLOSED == result || Publication.MAX_POSITION_EXCEEDED == result)
            {
                throw new PhantomException("cannot write the cluster snapshot: publication " +
                    Publication.errorString(result));
            }
            idle.idle();
        }
    }
}
