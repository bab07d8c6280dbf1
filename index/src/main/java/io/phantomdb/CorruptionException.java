package io.phantomdb;

import java.nio.file.Path;

/**
 * Stored data failed a check: a bad checksum, a bad page header, a length that runs past the end of
 * a file. It names the file and the byte offset so an operator can find the damage; it is thrown
 * instead of ever returning wrong data.
 * <p>
 * <b>Note:</b> immutable, safe to share between threads.
 */
public class CorruptionException extends PhantomException
{
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long offset;

    /**
     * @param file   the damaged file, or null for anonymous memory.
     * @param offset byte offset of the damaged record or page within the file.
     * @param detail what check failed, with the expected and actual values.
     */
    public CorruptionException(final Path file, final long offset, final String detail)
    {
        super("corruption in " + (null == file ? "<memory>" : file.toString()) + " at offset " + offset + ": " + detail);
        this.file = file;
        this.offset = offset;
    }

    /**
     * @return the damaged file, or null for anonymous memory.
     */
    public Path file()
    {
        return file;
    }

    /**
     * @return byte offset of the damage within {@link #file()}.
     */
    public long offset()
    {
        return offset;
    }
}
