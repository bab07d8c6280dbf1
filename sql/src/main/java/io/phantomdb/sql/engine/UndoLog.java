package io.phantomdb.sql.engine;

import io.phantomdb.core.table.Tx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The inverse of each row change one statement made, so a failed statement inside an explicit transaction
 * can be undone (statement-level atomicity) while the transaction stays usable: an insert is undone by a
 * delete, a delete by an insert of the old row, an update by restoring the old row.
 * <p>
 * <b>Note:</b> confined to the session's thread.
 */
final class UndoLog
{
    private record Change(String table, Object[] key, Object[] oldRow, String[] columns)
    {
    }

    private final List<Change> changes = new ArrayList<>();

    void clear()
    {
        changes.clear();
    }

    void inserted(final String table, final Object[] key)
    {
        changes.add(new Change(table, key, null, null));
    }

    void deleted(final String table, final Object[] oldRow)
    {
        changes.add(new Change(table, null, oldRow, null));
    }

    void updated(final String table, final Object[] newKey, final Object[] oldRow, final String[] columns)
    {
        changes.add(new Change(table, newKey, oldRow, columns));
    }

    void undo(final Tx tx)
    {
        for (int i = changes.size() - 1; i >= 0; i--)
        {
            final Change change = changes.get(i);
            if (null == change.oldRow())
            {
                tx.delete(change.table(), change.key());
            }
            else if (null == change.key())
            {
                tx.insert(change.table(), change.oldRow());
            }
            else
            {
                final Map<String, Object> restore = new HashMap<>();
                for (int c = 0; c < change.columns().length; c++)
                {
                    restore.put(change.columns()[c], change.oldRow()[c]);
                }
                tx.update(change.table(), change.key(), restore);
            }
        }
        changes.clear();
    }
}
