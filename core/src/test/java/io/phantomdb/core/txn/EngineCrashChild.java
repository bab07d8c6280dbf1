package io.phantomdb.core.txn;

import io.phantomdb.wal.SyncPolicy;

import java.nio.file.Path;
import java.util.Random;

import static io.phantomdb.core.txn.TxTestSupport.*;

/**
 * The process {@link EngineCrashTest} kills: opens the engine with {@link SyncPolicy#ALWAYS} and transfers money
 * between accounts from several threads until killed. Each transfer changes two balances and writes an audit key
 * in one transaction (balances in the B+tree, the audit key in the LSM tree); once {@code commit()} returned it prints {@code ACK <audit key>}. Prints {@code READY}
 * after opening (and seeding the accounts on the first run).
 * <p>
 * Arguments: directory, run number, threads.
 */
public final class EngineCrashChild
{
    static final Keyspace ACCOUNTS = new Keyspace(1, StorageKind.BTREE);
    static final Keyspace AUDIT = new Keyspace(2, StorageKind.LSM);
    static final int ACCOUNT_COUNT = 10;
    static final long INITIAL_BALANCE = 1000;

    private static final Object OUT = new Object();

    private EngineCrashChild()
    {
    }

    static String account(final int i)
    {
        return "acct-" + i;
    }

    /**
     * @param args directory, run number, threads.
     * @throws InterruptedException never: the process is killed first.
     */
    public static void main(final String[] args) throws InterruptedException
    {
        final Path dir = Path.of(args[0]);
        final int run = Integer.parseInt(args[1]);
        final int threads = Integer.parseInt(args[2]);
        final Engine engine = Engine.open(dir, smallConfig().syncPolicy(SyncPolicy.ALWAYS));
        try (Transaction tx = engine.begin(IsolationLevel.SERIALIZABLE))
        {
            if (null == get(tx, ACCOUNTS, account(0)))
            {
                for (int a = 0; a < ACCOUNT_COUNT; a++)
                {
                    putLong(tx, ACCOUNTS, account(a), INITIAL_BALANCE);
                }
                tx.commit();
            }
        }
        print("READY");
        for (int t = 0; t < threads; t++)
        {
            final int thread = t;
            final Thread worker = new Thread(() -> transfer(engine, run, thread), "transfer-" + t);
            worker.start();
        }
        Thread.sleep(Long.MAX_VALUE);
    }

    private static void transfer(final Engine engine, final int run, final int thread)
    {
        final Random random = new Random(run * 31L + thread);
        for (long seq = 0; ; seq++)
        {
            final String audit = "r" + run + "-t" + thread + "-" + seq;
            final int from = random.nextInt(ACCOUNT_COUNT);
            final int to = (from + 1 + random.nextInt(ACCOUNT_COUNT - 1)) % ACCOUNT_COUNT;
            final long amount = 1 + random.nextInt(50);
            while (true)
            {
                try (Transaction tx = engine.begin(IsolationLevel.REPEATABLE_READ))
                {
                    putLong(tx, ACCOUNTS, account(from), getLong(tx, ACCOUNTS, account(from)) - amount);
                    putLong(tx, ACCOUNTS, account(to), getLong(tx, ACCOUNTS, account(to)) + amount);
                    put(tx, AUDIT, audit, from + "->" + to + ":" + amount);
                    tx.commit();
                    break;
                }
                catch (final TransactionConflictException retry)
                {
                    Thread.yield();
                }
            }
            print("ACK " + audit);
        }
    }

    private static void print(final String line)
    {
        synchronized (OUT)
        {
            System.out.println(line);
            System.out.flush();
        }
    }
}
