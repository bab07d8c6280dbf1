package io.phantomdb.index.btree;

/**
 * Configuration of a {@link BTree}: page size and segment size, validated when built.
 * <p>
 * The page size is a power of two from 4096 to 65536 (default 8192). Storage grows by whole segments of
 * {@link #segmentSize()} bytes, a power of two from 16 pages to 1 GiB (default 64 MiB); a value stored out
 * of line (overflow) must fit in one segment, so the segment size also bounds the largest value. A file
 * keeps the page and segment size it was created with: reopening it with other sizes is refused.
 * <p>
 * <b>Note:</b> immutable once built, safe to share between threads.
 */
public final class BTreeConfig
{
    /** Default page size in bytes. */
    public static final int DEFAULT_PAGE_SIZE = 8192;
    /** Default segment size in bytes. */
    public static final int DEFAULT_SEGMENT_SIZE = 64 * 1024 * 1024;
    /** Smallest page size accepted. */
    public static final int MIN_PAGE_SIZE = 4096;
    /** Largest page size accepted. */
    public static final int MAX_PAGE_SIZE = 65536;
    /** Largest segment size accepted. */
    public static final int MAX_SEGMENT_SIZE = 1 << 30;
    /** Smallest number of pages in a segment. */
    public static final int MIN_PAGES_PER_SEGMENT = 16;

    private final int pageSize;
    private final int segmentSize;

    private BTreeConfig(final int pageSize, final int segmentSize)
    {
        this.pageSize = pageSize;
        this.segmentSize = segmentSize;
    }

    /**
     * @return the default configuration: 8192-byte pages, 64 MiB segments.
     */
    public static BTreeConfig defaults()
    {
        return of(DEFAULT_PAGE_SIZE, DEFAULT_SEGMENT_SIZE);
    }

    /**
     * @param pageSize    page size in bytes, a power of two from 4096 to 65536.
     * @param segmentSize segment size in bytes, a power of two from 16 pages to 1 GiB.
     * @return a validated configuration.
     * @throws IllegalArgumentException if a size is out of range or not a power of two.
     */
    public static BTreeConfig of(final int pageSize, final int segmentSize)
    {
        if (pageSize < MIN_PAGE_SIZE || pageSize > MAX_PAGE_SIZE || Integer.bitCount(pageSize) != 1)
        {
            throw new IllegalArgumentException(
                "pageSize must be a power of two in [" + MIN_PAGE_SIZE + ", " + MAX_PAGE_SIZE + "]: " + pageSize);
        }
        if (segmentSize < pageSize * MIN_PAGES_PER_SEGMENT || segmentSize > MAX_SEGMENT_SIZE ||
            Integer.bitCount(segmentSize) != 1)
        {
            throw new IllegalArgumentException("segmentSize must be a power of two in [" +
                (pageSize * MIN_PAGES_PER_SEGMENT) + ", " + MAX_SEGMENT_SIZE + "]: " + segmentSize);
        }
        return new BTreeConfig(pageSize, segmentSize);
    }

    /**
     * @return page size in bytes.
     */
    public int pageSize()
    {
        return pageSize;
    }

    /**
     * @return segment size in bytes.
     */
    public int segmentSize()
    {
        return segmentSize;
    }

    @Override
    public String toString()
    {
        return "BTreeConfig{pageSize=" + pageSize + ", segmentSize=" + segmentSize + '}';
    }
}
