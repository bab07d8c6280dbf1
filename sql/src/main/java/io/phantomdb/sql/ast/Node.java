package io.phantomdb.sql.ast;

/**
 * A node of the syntax tree: every node knows where it starts in the statement text, so later stages
 * (binder, planner, executor) can report errors with a position.
 * <p>
 * <b>Note:</b> nodes are immutable records; their lists are unmodifiable; safe to share between threads.
 */
public interface Node
{
    /**
     * @return the 1-based character offset of the node's first token in the statement text.
     */
    int position();
}
