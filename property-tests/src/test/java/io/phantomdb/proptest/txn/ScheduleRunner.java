package io.phantomdb.proptest.txn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Runs a {@link Scenario} on one thread: loads the initial state, then performs the schedule step by step
 * (begin, one op, or commit/rollback of the chosen transaction), recording every observation in a
 * {@link History}. A transaction aborted with 40001 takes no further steps; after each begin, every finished
 * transaction's handle must refuse a get, a put and a commit with {@link IllegalStateException}. Under READ_COMMITTED a scan opens
 * a cursor, a new statement that invalidates the transaction's long-lived cursor: later {@code next}s do
 * nothing until it is opened again. After the last step a fresh
 * transaction reads the whole key space back as the final state.
 */
final class ScheduleRunner
{
    private ScheduleRunner()
    {
    }

    /**
     * @throws AssertionError if the engine throws anything other than a 40001 conflict; the message carries
     *                        the scenario and the history up to that step.
     */
    static History run(final TxnDriver driver, final Scenario scenario, final Level level)
    {
        return run(driver, scenario, level, false);
    }

    /**
     * @param checkpoints true to checkpoint the engine after every commit and every fourth step, while other
     *                    transactions are open.
     */
    static History run(final TxnDriver driver, final Scenario scenario, final Level level, final boolean checkpoints)
    {
        final NavigableMap<Integer, String> initial = new TreeMap<>();
        for (final int key : scenario.initialKeys())
        {
            initial.put(key, "I" + key);
        }
        final long initialVersion = driver.load(initial);
        final History.Recorder recorder = new History.Recorder();
        final List<TxnScript> txns = scenario.txns();
        final TxnDriver.Txn[] open = new TxnDriver.Txn[txns.size()];
        final int[] next = new int[txns.size()];
        final boolean[] ended = new boolean[txns.size()];
        final int[] cursorAt = new int[txns.size()];
        java.util.Arrays.fill(cursorAt, History.Event.NO_KEY);
        final List<Map.Entry<Integer, TxnDriver.Txn>> finished = new ArrayList<>();
        int step = 0;
        try
        {
            for (; step < scenario.schedule().size(); step++)
            {
                final int index = scenario.schedule().get(step);
                final int position = next[index]++;
                if (ended[index])
                {
                    continue;
                }
                final int txn = index + 1;
                final TxnScript script = txns.get(index);
                if (position == 0)
                {
                    open[index] = driver.begin(level);
                    recorder.begin(step, txn, open[index].snapshotVersion());
                    probeFinished(finished, step);
                    continue;
                }
                final TxnDriver.Txn tx = open[index];
                final boolean end = position == script.ops().size() + 1;
                final TxnOp op = end ? null : script.ops().get(position - 1);
                try
                {
                    if (end)
                    {
                        ended[index] = true;
                        if (script.commit())
                        {
                            recorder.commit(step, txn, tx.commit());
                        }
                        else
                        {
                            tx.rollback();
                            recorder.rollback(step, txn);
                        }
                    }
                    else
                    {
                        cursorAt[index] = perform(recorder, step, txn, position - 1, op, tx, scenario.keys(), cursorAt[index]);
                        if (op.kind() == TxnOp.Kind.SCAN && level == Level.READ_COMMITTED)
                        {
                            cursorAt[index] = History.Event.NO_KEY;
                        }
                    }
                }
                catch (final TxnDriver.ConflictException ex)
                {
                    ended[index] = true;
                    recorder.conflict(step, txn, op, (end ? "commit" : op.toString()) + ": " + ex.getMessage());
                }
                if (ended[index])
                {
                    open[index] = null;
                    tx.close();
                    finished.add(Map.entry(txn, tx));
                }
                if (checkpoints && (ended[index] || step % 4 == 3))
                {
                    driver.checkpoint();
                }
            }
            final TxnDriver.Txn reader = driver.begin(Level.REPEATABLE_READ);
            final NavigableMap<Integer, String> finalState = new TreeMap<>();
            try
            {
                for (final History.Entry entry : reader.scan(0, scenario.keys() - 1, false).entries())
                {
                    finalState.put(entry.key(), entry.value());
                }
                reader.commit();
            }
            finally
            {
                reader.close();
            }
            return new History(level, scenario.keys(), initial, initialVersion, recorder.events(), finalState);
        }
        catch (final RuntimeException | AssertionError ex)
        {
            throw new AssertionError("engine failed at step " + step + ": " + ex + "\n" + scenario + "\n" +
                new History(level, scenario.keys(), initial, initialVersion, recorder.events(), new TreeMap<>()), ex);
        }
        finally
        {
            for (final TxnDriver.Txn tx : open)
            {
                if (null != tx)
                {
                    tx.close();
                }
            }
        }
    }

    /**
     * A finished transaction's handle must refuse every call with {@link IllegalStateException}, also after a
     * new transaction began (and may have taken over pooled parts of the old one): a get, a put and a commit on
     * each finished handle right after each begin.
     */
    private static void probeFinished(final List<Map.Entry<Integer, TxnDriver.Txn>> finished, final int step)
    {
        for (final Map.Entry<Integer, TxnDriver.Txn> entry : finished)
        {
            final TxnDriver.Txn stale = entry.getValue();
            final String[] calls = {"get(k0)", "put(k0)", "commit()"};
            for (final String call : calls)
            {
                try
                {
                    switch (call)
                    {
                        case "get(k0)" -> stale.get(0);
                        case "put(k0)" -> stale.put(0, "STALE");
                        default -> stale.commit();
                    }
                }
                catch (final IllegalStateException expected)
                {
                    continue;
                }
                throw new AssertionError("T" + entry.getKey() + " had finished but its " + call + " at step #" + step +
                    " did not throw IllegalStateException");
            }
        }
    }

    /**
     * @return where the transaction's long-lived cursor stands after the op ({@link History.Event#NO_KEY}: not
     * positioned).
     */
    private static int perform(
        final History.Recorder recorder, final int step, final int txn, final int opIndex, final TxnOp op, final TxnDriver.Txn tx,
        final int keys, final int cursorAt)
    {
        if (op.kind() == TxnOp.Kind.OPEN || op.kind() == TxnOp.Kind.NEXT)
        {
            final boolean open = op.kind() == TxnOp.Kind.OPEN;
            if (!open && cursorAt == History.Event.NO_KEY)
            {
                return cursorAt;
            }
            final History.Entry landed = open ? tx.open(op.key()) : tx.next();
            final int from = open ? op.key() : cursorAt + 1;
            final int to = null == landed ? keys - 1 : landed.key();
            recorder.cursor(step, txn, open ? "open(k" + op.key() + ")" : "next", from, Math.max(from, to), landed);
            return null == landed ? History.Event.NO_KEY : landed.key();
        }
        switch (op.kind())
        {
            case GET -> recorder.get(step, txn, op.key(), tx.get(op.key()));
            case PUT ->
            {
                final String value = "T" + txn + "." + opIndex;
                tx.put(op.key(), value);
                recorder.put(step, txn, op.key(), value);
            }
            case DELETE ->
            {
                tx.delete(op.key());
                recorder.delete(step, txn, op.key());
            }
            case LOCK ->
            {
                tx.lockForUpdate(op.key());
                recorder.lock(step, txn, op.key());
            }
            case SCAN ->
            {
                final TxnDriver.ScanResult result = tx.scan(op.key(), op.keyTo(), op.reverse());
                recorder.scan(step, txn, op, result.entries(), result.boundary());
            }
            default -> throw new IllegalStateException("unexpected op " + op);
        }
        return cursorAt;
    }
}
