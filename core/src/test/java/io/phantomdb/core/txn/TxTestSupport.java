package io.phantomdb.core.txn;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Helpers for engine tests: string and long keys and values.
 */
final class TxTestSupport
{
    static final Keyspace KS = new Keyspace(1, StorageKind.BTREE);
    static final Keyspace OTHER = new Keyspace(2, StorageKind.BTREE);

    private TxTestSupport()
    {
    }

    static UnsafeBuffer bytes(final String s)
    {
        return new UnsafeBuffer(s.getBytes(StandardCharsets.UTF_8));
    }

    static UnsafeBuffer longBytes(final long value)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[8]);
        buffer.putLong(0, value, ByteOrder.BIG_ENDIAN);
        return buffer;
    }

    static String string(final DirectBuffer buffer)
    {
        return null == buffer ? null : buffer.getStringWithoutLengthUtf8(0, buffer.capacity());
    }

    static void put(final Transaction tx, final Keyspace ks, final String key, final String value)
    {
        final UnsafeBuffer k = bytes(key);
        final UnsafeBuffer v = bytes(value);
        tx.put(ks, k, 0, k.capacity(), v, 0, v.capacity());
    }

    static void putLong(final Transaction tx, final Keyspace ks, final String key, final long value)
    {
        final UnsafeBuffer k = bytes(key);
        final UnsafeBuffer v = longBytes(value);
        tx.put(ks, k, 0, k.capacity(), v, 0, 8);
    }

    static String get(final Transaction tx, final Keyspace ks, final String key)
    {
        final UnsafeBuffer k = bytes(key);
        return string(tx.get(ks, k, 0, k.capacity()));
    }

    static long getLong(final Transaction tx, final Keyspace ks, final String key)
    {
        final UnsafeBuffer k = bytes(key);
        final DirectBuffer v = tx.get(ks, k, 0, k.capacity());
        return null == v ? 0 : v.getLong(0, ByteOrder.BIG_ENDIAN);
    }

    static void delete(final Transaction tx, final Keyspace ks, final String key)
    {
        final UnsafeBuffer k = bytes(key);
        tx.delete(ks, k, 0, k.capacity());
    }

    static void lock(final Transaction tx, final Keyspace ks, final String key)
    {
        final UnsafeBuffer k = bytes(key);
        tx.lockForUpdate(ks, k, 0, k.capacity());
    }

    static void commitPut(final Engine engine, final Keyspace ks, final String key, final String value)
    {
        try (Transaction tx = engine.begin(IsolationLevel.REPEATABLE_READ))
        {
            put(tx, ks, key, value);
            tx.commit();
        }
    }

    static String read(final Engine engine, final Keyspace ks, final String key)
    {
        try (Transaction tx = engine.begin(IsolationLevel.REPEATABLE_READ))
        {
            return get(tx, ks, key);
        }
    }

    /**
     * @return "k=v,k=v" of the keyspace walked forward.
     */
    static String scan(final Transaction tx, final Keyspace ks)
    {
        final StringBuilder sb = new StringBuilder();
        final TxCursor cursor = tx.cursor(ks);
        for (boolean more = cursor.first(); more; more = cursor.next())
        {
            if (sb.length() > 0)
            {
                sb.append(',');
            }
            sb.append(string(cursor.key())).append('=').append(string(cursor.value()));
        }
        return sb.toString();
    }

    /**
     * @return "k,k" of the keyspace walked backward.
     */
    static String scanBackward(final Transaction tx, final Keyspace ks)
    {
        final StringBuilder sb = new StringBuilder();
        final TxCursor cursor = tx.cursor(ks);
        for (boolean more = cursor.last(); more; more = cursor.prev())
        {
            if (sb.length() > 0)
            {
                sb.append(',');
            }
            sb.append(string(cursor.key()));
        }
        return sb.toString();
    }

    static EngineConfig smallConfig()
    {
        return new EngineConfig().btreePageSize(4096).btreeSegmentSize(1 << 20);
    }
}
