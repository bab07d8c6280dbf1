package io.phantomdb.index.check;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What an offline check found: lines for the operator (what was checked, progress) and every problem with its
 * file and byte offset. Checkers keep going after a problem wherever the rest of the file can still be read, so
 * one run lists as much as it can.
 * <p>
 * <b>Note:</b> not thread safe; one checking thread.
 */
public final class CheckReport
{
    /**
     * One problem.
     *
     * @param file   the file it is in.
     * @param offset the byte offset in that file, or -1 when it concerns no single place.
     * @param detail what was expected and what was found.
     */
    public record Problem(Path file, long offset, String detail)
    {
        /**
         * @return {@code file @offset: detail}.
         */
        @Override
        public String toString()
        {
            return file + (offset >= 0 ? " @" + offset : "") + ": " + detail;
        }
    }

    private final Consumer<String> out;
    private final List<Problem> problems = new ArrayList<>();

    /**
     * @param out receives each line as it is produced (problems too, prefixed with {@code PROBLEM }).
     */
    public CheckReport(final Consumer<String> out)
    {
        this.out = out;
    }

    /**
     * Record a problem and print it.
     *
     * @param file   the file.
     * @param offset the byte offset, or -1.
     * @param detail expected and actual.
     */
    public void problem(final Path file, final long offset, final String detail)
    {
        final Problem problem = new Problem(file, offset, detail);
        problems.add(problem);
        out.accept("PROBLEM " + problem);
    }

    /**
     * Print an informational line.
     *
     * @param line the text.
     */
    public void info(final String line)
    {
        out.accept(line);
    }

    /**
     * @return every problem recorded so far, in order.
     */
    public List<Problem> problems()
    {
        return List.copyOf(problems);
    }

    /**
     * @return true if no problem was recorded.
     */
    public boolean isClean()
    {
        return problems.isEmpty();
    }
}
