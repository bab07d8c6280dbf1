package io.phantomdb.sql.shell;

import java.io.IOException;
import java.util.concurrent.CancellationException;

/**
 * Where the shell's input lines come from: a terminal (with prompts and history) or a stream.
 * <p>
 * <b>Note:</b> used by the shell's one thread.
 */
interface LineSource extends AutoCloseable
{
    /**
     * @param prompt the prompt to show, if the source shows prompts.
     * @return the next line without its terminator, or null at the end of the input.
     * @throws IOException           if reading fails.
     * @throws CancellationException if the user cancelled the line (Ctrl-C): the shell drops its buffer.
     */
    String readLine(final String prompt) throws IOException;

    /**
     * Releases the source (saving history for a terminal).
     *
     * @throws IOException if saving or closing fails.
     */
    @Override
    void close() throws IOException;
}
