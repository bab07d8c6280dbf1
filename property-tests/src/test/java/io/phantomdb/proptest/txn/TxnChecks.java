package io.phantomdb.proptest.txn;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks shared by the properties that are not about one isolation level.
 */
final class TxnChecks
{
    private TxnChecks()
    {
    }

    /**
     * For schedules of transactions on disjoint keys: every transaction that asked to commit committed, and
     * every level-specific check holds.
     */
    static List<String> disjointViolations(final History history)
    {
        final List<String> violations = new ArrayList<>(HistoryChecker.check(history));
        for (final History.Event event : history.events())
        {
            if (event.type() == History.Type.CONFLICT)
            {
                violations.add("T" + event.txn() + " touched only its own keys but aborted at step #" + event.step() +
                    " (" + event.detail() + ")");
            }
        }
        return violations;
    }
}
