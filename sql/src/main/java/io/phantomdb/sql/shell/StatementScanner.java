package io.phantomdb.sql.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects input lines into statements ended by a {@code ;} that is not inside a string, a quoted name or
 * a comment ({@code -- ...} and nested {@code /* ... *}{@code /}), as psql does. Line comments are dropped
 * from the statements' text.
 * <p>
 * <b>Note:</b> not thread-safe; one per input.
 */
final class StatementScanner
{
    private final StringBuilder pending = new StringBuilder();
    private char quote;
    private int blockDepth;
    private boolean lineComment;

    /**
     * Adds a line and takes out every statement it completes.
     *
     * @param line one line, without its line terminator.
     * @return the completed statements' texts, without the {@code ;}, trimmed; empty ones dropped.
     */
    List<String> add(final String line)
    {
        final List<String> complete = new ArrayList<>();
        final String text = line + "\n";
        lineComment = false;
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            final char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            if (lineComment)
            {
                if (c == '\n')
                {
                    pending.append(c);
                }
            }
            else if (blockDepth > 0)
            {
                pending.append(c);
                if (c == '*' && next == '/')
                {
                    pending.append(next);
                    i++;
                    blockDepth--;
                }
                else if (c == '/' && next == '*')
                {
                    pending.append(next);
                    i++;
                    blockDepth++;
                }
            }
            else if (quote != 0)
            {
                pending.append(c);
                if (c == quote)
                {
                    quote = 0;
                }
            }
            else if (c == ';')
            {
                final String statement = pending.toString().trim();
                pending.setLength(0);
                if (!statement.isEmpty())
                {
                    complete.add(statement);
                }
            }
            else if (c == '-' && next == '-')
            {
                lineComment = true;
            }
            else
            {
                pending.append(c);
                if (c == '\'' || c == '"')
                {
                    quote = c;
                }
                else if (c == '/' && next == '*')
                {
                    pending.append(next);
                    i++;
                    blockDepth++;
                }
            }
        }
        return complete;
    }

    /**
     * @return whether part of a statement is waiting for its {@code ;} (only comments and blanks do not count).
     */
    boolean hasPending()
    {
        return !pending.toString().trim().isEmpty();
    }

    /**
     * @return the text waiting for its {@code ;}, trimmed, and forgets it.
     */
    String takePending()
    {
        final String text = pending.toString().trim();
        reset();
        return text;
    }

    /**
     * Drops the pending text and quoting state.
     */
    void reset()
    {
        pending.setLength(0);
        quote = 0;
        blockDepth = 0;
        lineComment = false;
    }
}
