package io.phantomdb.index.btree;

import io.phantomdb.CorruptionException;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.file.Path;

import static io.phantomdb.index.btree.BTreePageDescriptor.*;

/**
 * Values stored out of line: a run of consecutive pages in one segment, the header in the first page
 * and the value right after it, so a reader wraps it without copying.
 * <p>
 * <b>Note:</b> stateless, safe from any thread.
 */
final class OverflowRun
{
    private OverflowRun()
    {
    }

    static int pages(final int valueLength, final int pageSize)
    {
        return (int)(((long)HEADER_LENGTH + valueLength + pageSize - 1) / pageSize);
    }

    /**
     * Check the header of a run and wrap a view over its value.
     *
     * @throws CorruptionException if the run is out of bounds or its header disagrees with the leaf.
     */
    static void wrapValue(
        final UnsafeBuffer view,
        final UnsafeBuffer[] segments,
        final int segmentShift,
        final long segmentMask,
        final int pageShift,
        final long pageCount,
        final Path file,
        final long runId,
        final int valueLength)
    {
        final int pageSize = 1 << pageShift;
        final int pages = pages(valueLength, pageSize);
        final long inSegment = runId & segmentMask;
        if (runId < FIRST_DATA_PAGE || runId + pages > pageCount || inSegment + pages > segmentMask + 1)
        {
            throw new CorruptionException(file, runId << pageShift, "expected an overflow run of " + pages +
                " pages within one segment and below page count " + pageCount + " actual first page " + runId);
        }
        final UnsafeBuffer segment = segments[(int)(runId >>> segmentShift)];
        final int base = (int)(inSegment << pageShift);
        if (NodeFlyweight.CHECKS)
        {
            final int type = segment.getByte(base + TYPE_OFFSET);
            final int length = segment.getInt(base + DATA_START_OFFSET);
            if (TYPE_OVERFLOW != type || length != valueLength)
            {
                throw new CorruptionException(file, runId << pageShift, "page " + runId +
                    ": expected overflow page with value length " + valueLength + " actual " + typeName(type) +
                    " page with length " + length);
            }
        }
        view.wrap(segment, base + HEADER_LENGTH, valueLength);
    }
}
