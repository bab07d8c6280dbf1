package io.phantomdb.index.lsm;

import java.nio.ByteOrder;

/**
 * The SSTable file format, version {@link #FORMAT_VERSION}. All numbers are little-endian; every section
 * ends with a CRC32C (Castagnoli) of the bytes before it in that section.
 * <pre>
 * File:
 *   +---------------------------+ 0
 *   | data block 0              |  sorted entries, all versions of a key in one block
 *   | ...                       |
 *   | data block n-1            |
 *   +---------------------------+ indexOffset
 *   | key index                 |
 *   +---------------------------+ bloomOffset = indexOffset + indexLength
 *   | bloom filter              |
 *   +---------------------------+ fileLength - FOOTER_LENGTH = bloomOffset + bloomLength
 *   | footer                    |
 *   +---------------------------+ fileLength
 *
 * Data block (target size LsmConfig.blockBytes, larger when one key's versions need it):
 *   0         4           8                16
 *   +---------+-----------+----------------+-----+-------+   entry, repeated count times, in order
 *   | key len | value len | sequence (long)| key | value |   key ascending, then sequence descending;
 *   +---------+-----------+----------------+-----+-------+   value len -1 = tombstone (no value bytes)
 *   +-----------------------------+-------+--------+
 *   | entry offsets int[count]    | count | crc32c |   offsets relative to the block start;
 *   +-----------------------------+-------+--------+   crc32c over the block up to the crc field
 *
 * Key index:
 *   +---------------------------------------------------------------------------------+
 *   | record[blockCount]: block offset (long) | block length (int) |                   |
 *   |                     first key offset (int, from indexOffset) | first key length |
 *   |                     (int) | reserved (int)            = 24 bytes per record      |
 *   +---------------------------------------------------------------------------------+
 *   | first keys of the blocks, then the file's largest key                            |
 *   +------------------------------------------------------------------+--------+
 *   |                                                                  | crc32c |
 *   +------------------------------------------------------------------+--------+
 *
 * Bloom filter (over distinct keys, double hashing of one 64-bit hash):
 *   +-------------+------------+------------------------+--------+
 *   | hash count  | word count | bit words long[count]  | crc32c |
 *   +-------------+------------+------------------------+--------+
 *
 * Footer (FOOTER_LENGTH = 72 bytes):
 *   0  magic (long)            8  format version (int)     12 block count (int)
 *   16 index offset (long)     24 index length (int)       28 bloom length (int)
 *   32 bloom offset (long)     40 entry count (long)       48 max sequence (long)
 *   56 max key offset (int, from indexOffset)              60 max key length (int)
 *   64 crc32c of bytes 0..63 (int)                         68 reserved, zero (int)
 * </pre>
 * The smallest key of a file is the first key of block 0.
 * <p>
 * <b>Note:</b> constants only; safe from any thread.
 */
final class SsTableDescriptor
{
    static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;
    static final long MAGIC = 0x5453_4D53_4C4D_4850L;
    static final int FORMAT_VERSION = 1;
    static final String FILE_SUFFIX = ".sst";

    static final int ENTRY_KEY_LENGTH_OFFSET = 0;
    static final int ENTRY_VALUE_LENGTH_OFFSET = 4;
    static final int ENTRY_SEQUENCE_OFFSET = 8;
    static final int ENTRY_HEADER_LENGTH = 16;
    static final int BLOCK_TRAILER_LENGTH = 8;

    static final int INDEX_RECORD_LENGTH = 24;
    static final int INDEX_BLOCK_OFFSET_OFFSET = 0;
    static final int INDEX_BLOCK_LENGTH_OFFSET = 8;
    static final int INDEX_KEY_OFFSET_OFFSET = 12;
    static final int INDEX_KEY_LENGTH_OFFSET = 16;

    static final int BLOOM_HASH_COUNT_OFFSET = 0;
    static final int BLOOM_WORD_COUNT_OFFSET = 4;
    static final int BLOOM_WORDS_OFFSET = 8;

    static final int FOOTER_MAGIC_OFFSET = 0;
    static final int FOOTER_VERSION_OFFSET = 8;
    static final int FOOTER_BLOCK_COUNT_OFFSET = 12;
    static final int FOOTER_INDEX_OFFSET_OFFSET = 16;
    static final int FOOTER_INDEX_LENGTH_OFFSET = 24;
    static final int FOOTER_BLOOM_LENGTH_OFFSET = 28;
    static final int FOOTER_BLOOM_OFFSET_OFFSET = 32;
    static final int FOOTER_ENTRY_COUNT_OFFSET = 40;
    static final int FOOTER_MAX_SEQUENCE_OFFSET = 48;
    static final int FOOTER_MAX_KEY_OFFSET_OFFSET = 56;
    static final int FOOTER_MAX_KEY_LENGTH_OFFSET = 60;
    static final int FOOTER_CRC_OFFSET = 64;
    static final int FOOTER_LENGTH = 72;

    static final int CRC_LENGTH = 4;

    private SsTableDescriptor()
    {
    }

    /**
     * @param fileNumber the file's number in the manifest.
     * @return the file name, for example {@code 00000042.sst}.
     */
    static String fileName(final long fileNumber)
    {
        return String.format("%08d%s", fileNumber, FILE_SUFFIX);
    }
}
