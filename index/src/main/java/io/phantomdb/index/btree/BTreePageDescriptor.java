package io.phantomdb.index.btree;

/**
 * Layout of a B+tree page, format version {@link #FORMAT_VERSION}. All integers are little-endian
 * (the buffers' native order); offsets are from the start of the page.
 * <p>
 * Every page starts with a 32-byte header:
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                     CRC32C of bytes [4, end)                  |  0
 *  +---------------+---------------+-------------------------------+
 *  |     Type      |Format version |        Entry count (u16)      |  4
 *  +---------------+---------------+-------------------------------+
 *  |                 Version that wrote the page                   |  8
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                 Page id (its own number)                      | 16
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |   Data start (branch, leaf) or value length (overflow)        | 24
 *  +---------------------------------------------------------------+
 *  |   Pages in the run (overflow), 0 otherwise                    | 28
 *  +---------------------------------------------------------------+
 * </pre>
 * {@code end} is the page end, or for an overflow run the end of the value. The CRC is stamped by
 * {@code flush()} for pages written since the previous flush and verified when a file is opened.
 * <p>
 * Branch and leaf pages (slotted): after the header, an array of 6-byte slots, one per entry in key order:
 * the u16 offset of its cell, then the first four bytes of its key read as a big-endian int (zero-padded
 * when shorter), so a binary search compares in the slot array and reads a cell only when prefixes are
 * equal. Cells fill the page from the end down to "data start". Space freed by a removed cell is
 * reclaimed by compacting the page when an insert needs it.
 * <pre>
 *  +--------+--------+--------+-----------  free  -----------+--------+--------+--------+
 *  | header | slot 0 | slot 1 |  ...                          | cell 1 | (gap)  | cell 0 |
 *  +--------+--------+--------+-------------------------------+--------+--------+--------+
 *  slot: | u16 cell offset | i32 key prefix (big-endian value) |
 *                                                             ^ data start
 * </pre>
 * Leaf cell: {@code u16 keyLength, i32 valueField, key bytes, value}. When bit 31 of valueField is clear
 * the value (valueField bytes) follows the key inline; when it is set the value length is the low 31 bits
 * and an i64 page id of an overflow run follows the key.
 * <p>
 * Branch cell: {@code u16 keyLength, i64 child page id, key bytes}. Entry i's child holds the keys in
 * [key i, key i+1); entry 0's key is stored empty and means "the lower bound of this page".
 * <p>
 * Overflow run: {@link #HEADER_LENGTH} header bytes in the first page then the value, contiguous over
 * "pages in the run" consecutive pages of one segment, so a reader returns it without copying.
 * <p>
 * Free-list page: after the header an i64 page id of the next free-list page (0 for none), then "entry
 * count" i64 free page ids.
 * <p>
 * <b>Note:</b> constants only, safe from any thread.
 */
public final class BTreePageDescriptor
{
    /** Version of this page format, stored in every page. */
    public static final byte FORMAT_VERSION = 2;

    /** Offset of the CRC32C field. */
    public static final int CRC_OFFSET = 0;
    /** Offset of the page type. */
    public static final int TYPE_OFFSET = 4;
    /** Offset of the format version. */
    public static final int FORMAT_VERSION_OFFSET = 5;
    /** Offset of the u16 entry count. */
    public static final int COUNT_OFFSET = 6;
    /** Offset of the version that wrote the page. */
    public static final int VERSION_OFFSET = 8;
    /** Offset of the page's own id. */
    public static final int PAGE_ID_OFFSET = 16;
    /** Offset of data start (branch, leaf) or value length (overflow). */
    public static final int DATA_START_OFFSET = 24;
    /** Offset of the number of pages in an overflow run. */
    public static final int RUN_PAGES_OFFSET = 28;
    /** Length of the page header; the slot array or the body starts here. */
    public static final int HEADER_LENGTH = 32;

    /** Length of one slot: u16 cell offset, then the key prefix. */
    public static final int SLOT_LENGTH = 6;
    /** Offset within a slot of the first four key bytes as a big-endian int, zero-padded. */
    public static final int SLOT_PREFIX_OFFSET = 2;
    /** Fixed part of a leaf cell: key length and value field. */
    public static final int LEAF_CELL_HEADER_LENGTH = 6;
    /** Fixed part of a branch cell: key length and child id. */
    public static final int BRANCH_CELL_HEADER_LENGTH = 10;
    /** Bit of the leaf value field that marks an overflow value. */
    public static final int OVERFLOW_FLAG = 0x8000_0000;
    /** Length of the overflow page id stored in a leaf cell. */
    public static final int OVERFLOW_POINTER_LENGTH = 8;

    /** Offset of the next-page id in a free-list page. */
    public static final int FREE_LIST_NEXT_OFFSET = HEADER_LENGTH;
    /** Offset of the first free page id in a free-list page. */
    public static final int FREE_LIST_ENTRIES_OFFSET = HEADER_LENGTH + 8;

    /** Page type of a branch (interior) page. */
    public static final byte TYPE_BRANCH = 1;
    /** Page type of a leaf page. */
    public static final byte TYPE_LEAF = 2;
    /** Page type of the first page of an overflow run. */
    public static final byte TYPE_OVERFLOW = 3;
    /** Page type of a free-list page. */
    public static final byte TYPE_FREE_LIST = 4;

    /** Pages 0 and 1 are the meta pages; tree pages start here. */
    public static final long FIRST_DATA_PAGE = 2;

    private BTreePageDescriptor()
    {
    }

    /**
     * @param pageSize page size in bytes.
     * @return the bytes of a page available to slots and cells.
     */
    public static int usable(final int pageSize)
    {
        return pageSize - HEADER_LENGTH;
    }

    /**
     * @param pageSize page size in bytes.
     * @return the largest cell plus its slot, a quarter of the usable space, so a split always makes room.
     */
    public static int maxCellWithSlot(final int pageSize)
    {
        return usable(pageSize) / 4;
    }

    /**
     * @param pageSize page size in bytes.
     * @return the longest key: a leaf cell with an overflow pointer and a branch cell must both fit.
     */
    public static int maxKeyLength(final int pageSize)
    {
        return maxCellWithSlot(pageSize) - SLOT_LENGTH - LEAF_CELL_HEADER_LENGTH - OVERFLOW_POINTER_LENGTH;
    }

    /**
     * @param pageSize page size in bytes.
     * @return the number of page ids one free-list page holds.
     */
    public static int freeListCapacity(final int pageSize)
    {
        return (pageSize - FREE_LIST_ENTRIES_OFFSET) / 8;
    }

    /**
     * @param type a page type.
     * @return its name, for messages.
     */
    public static String typeName(final int type)
    {
        switch (type)
        {
            case TYPE_BRANCH:
                return "branch";
            case TYPE_LEAF:
                return "leaf";
            case TYPE_OVERFLOW:
                return "overflow";
            case TYPE_FREE_LIST:
                return "free-list";
            default:
                return "unknown(" + type + ")";
        }
    }
}
