package io.phantomdb.index.btree;

/**
 * Layout of the two meta pages of a B+tree file (pages 0 and 1), format version
 * {@link BTreePageDescriptor#FORMAT_VERSION}. Little-endian; offsets from the start of the meta page.
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                 CRC32C of bytes [4, 64)                       |  0
 *  +---------------------------------------------------------------+
 *  |                 Magic 0x54424850 ("PHBT")                     |  4
 *  +---------------------------------------------------------------+
 *  |                 Format version                                |  8
 *  +---------------------------------------------------------------+
 *  |                 Page size                                     | 12
 *  +---------------------------------------------------------------+
 *  |                 Segment size                                  | 16
 *  +---------------------------------------------------------------+
 *  |                 Reserved (0)                                  | 20
 *  +---------------------------------------------------------------+
 *  |                 Version (committed version made durable)      | 24
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                 Root page id                                  | 32
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                 Page count (high-water mark)                  | 40
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                 First free-list page id (0 for none)          | 48
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                 Number of free page ids in the list           | 56
 *  |                                                               |
 *  +---------------------------------------------------------------+
 * </pre>
 * {@code flush()} writes the meta page not holding the current durable meta (they alternate), after
 * every page it references has been forced. Opening picks the valid meta with the higher version; a
 * written meta page (not all zero) whose CRC fails is reported as corruption rather than silently
 * rolling the file back to the older checkpoint.
 * <p>
 * <b>Note:</b> constants only, safe from any thread.
 */
public final class BTreeMetaDescriptor
{
    /** Magic number, "PHBT" in little-endian. */
    public static final int MAGIC = 0x54424850;
    /** Offset of the CRC32C. */
    public static final int CRC_OFFSET = 0;
    /** Offset of the magic number. */
    public static final int MAGIC_OFFSET = 4;
    /** Offset of the format version. */
    public static final int FORMAT_VERSION_OFFSET = 8;
    /** Offset of the page size. */
    public static final int PAGE_SIZE_OFFSET = 12;
    /** Offset of the segment size. */
    public static final int SEGMENT_SIZE_OFFSET = 16;
    /** Offset of the reserved field. */
    public static final int RESERVED_OFFSET = 20;
    /** Offset of the version. */
    public static final int VERSION_OFFSET = 24;
    /** Offset of the root page id. */
    public static final int ROOT_OFFSET = 32;
    /** Offset of the page count. */
    public static final int PAGE_COUNT_OFFSET = 40;
    /** Offset of the first free-list page id. */
    public static final int FREE_LIST_OFFSET = 48;
    /** Offset of the number of free page ids. */
    public static final int FREE_COUNT_OFFSET = 56;
    /** Bytes of the meta record covered by the CRC (from offset 4). */
    public static final int META_LENGTH = 64;

    private BTreeMetaDescriptor()
    {
    }
}
