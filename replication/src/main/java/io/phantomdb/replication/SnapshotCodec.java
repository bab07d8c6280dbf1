package io.phantomdb.replication;

import io.aeron.ExclusivePublication;
import io.aeron.FragmentAssembler;
import io.aeron.Image;
import io.aeron.Publication;
import io.phantomdb.PhantomException;
import org.agrona.BitUtil;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableDirectByteBuffer;
import org.agrona.concurrent.IdleStrategy;

/**
 * Writes a {@link ReplicatedStore} into a cluster snapshot and loads it back, format version {@link #VERSION}.
 * <pre>
 * snapshot = ENTRIES* END
 * ENTRIES:  [int type 100][int version][int count] count x [int keyspace][int keyLength][int valueLength][key][value]
 * END:      [int type 101][int version][long entries]
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
    private static final int CHUNK_HEADER_LENGTH = 3 * BitUtil.SIZE_OF_INT;
    private static final int CHUNK_LIMIT = 48 * 1024;

    private final ExpandableDirectByteBuffer chunk = new ExpandableDirectByteBuffer(CHUNK_LIMIT + 1024);
    private int chunkLength;
    private int chunkCount;
    private long entries;
    private boolean ended;
    private long loadedEntries;

    /**
     * Write every entry of one consistent snapshot of the store to the publication.
     *
     * @param store       the store.
     * @param publication the snapshot publication.
     * @param idle        idles while the publication is back-pressured.
     * @return entries written.
     */
    long write(final ReplicatedStore store, final ExclusivePublication publication, final IdleStrategy idle)
    {
        entries = 0;
        startChunk();
        store.forEachEntry((ks, key, keyOffset, keyLength, value, valueOffset, valueLength) ->
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
        chunk.putInt(0, TYPE_END);
        chunk.putInt(BitUtil.SIZE_OF_INT, VERSION);
        chunk.putLong(2 * BitUtil.SIZE_OF_INT, entries);
        offer(publication, 2 * BitUtil.SIZE_OF_INT + BitUtil.SIZE_OF_LONG, idle);
        return entries;
    }

    /**
     * Load a snapshot image into an empty store.
     *
     * @param image the snapshot image.
     * @param store the store to fill.
     * @param idle  idles while no fragment is available.
     * @return entries loaded.
     * @throws PhantomException if the image ends before its END record or its entry count disagrees.
     */
    long load(final Image image, final ReplicatedStore store, final IdleStrategy idle)
    {
        ended = false;
        loadedEntries = 0;
        final FragmentAssembler assembler = new FragmentAssembler((buffer, offset, length, header) ->
            onFragment(buffer, offset, store));
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

    private void onFragment(final DirectBuffer buffer, final int offset, final ReplicatedStore store)
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
        else if (TYPE_END == type)
        {
            final long expected = buffer.getLong(offset + 2 * BitUtil.SIZE_OF_INT);
            if (expected != loadedEntries)
            {
                throw new PhantomException("cluster snapshot END record says " + expected + " entries but " +
                    loadedEntries + " were loaded");
            }
            ended = true;
        }
        else
        {
            throw new PhantomException("cluster snapshot has an unknown record type " + type);
        }
    }

    private void startChunk()
    {
        chunk.putInt(0, TYPE_ENTRIES);
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
