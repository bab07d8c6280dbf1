package io.phantomdb.proptest.txn;

import java.util.NavigableMap;

/**
 * Makes a single-threaded {@link TxnDriver} (the {@link ReferenceDriver}) usable from several threads by running
 * every call under one monitor: transactions of different threads still interleave op by op.
 * <p>
 * <b>Note:</b> thread safe.
 */
final class SynchronizedDriver implements TxnDriver
{
    private final TxnDriver driver;

    SynchronizedDriver(final TxnDriver driver)
    {
        this.driver = driver;
    }

    @Override
    public synchronized long load(final NavigableMap<Integer, String> initial)
    {
        return driver.load(initial);
    }

    @Override
    public synchronized Txn begin(final Level level)
    {
        final Txn txn = driver.begin(level);
        final Object monitor = this;
        return new Txn()
        {
            @Override
            public long snapshotVersion()
            {
                synchronized (monitor)
                {
                    return txn.snapshotVersion();
                }
            }

            @Override
            public String get(final int key)
            {
                synchronized (monitor)
                {
                    return txn.get(key);
                }
            }

            @Override
            public void put(final int key, final String value)
            {
                synchronized (monitor)
                {
                    txn.put(key, value);
                }
            }

            @Override
            public void delete(final int key)
            {
                synchronized (monitor)
                {
                    txn.delete(key);
                }
            }

            @Override
            public ScanResult scan(final int lo, final int hi, final boolean reverse)
            {
                synchronized (monitor)
                {
                    return txn.scan(lo, hi, reverse);
                }
            }

            @Override
            public void lockForUpdate(final int key)
            {
                synchronized (monitor)
                {
                    txn.lockForUpdate(key);
                }
            }

            @Override
            public History.Entry open(final int key)
            {
                synchronized (monitor)
                {
                    return txn.open(key);
                }
            }

            @Override
            public History.Entry next()
            {
                synchronized (monitor)
                {
                    return txn.next();
                }
            }

            @Override
            public long commit()
            {
                synchronized (monitor)
                {
                    return txn.commit();
                }
            }

            @Override
            public void rollback()
            {
                synchronized (monitor)
                {
                    txn.rollback();
                }
            }

            @Override
            public void close()
            {
                synchronized (monitor)
                {
                    txn.close();
                }
            }
        };
    }

    @Override
    public synchronized void close()
    {
        driver.close();
    }
}
