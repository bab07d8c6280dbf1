package io.phantomdb.wal;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.BytesStore;
import net.openhft.chronicle.bytes.PointerBytesStore;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.queue.rollcycles.TestRollCycles;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Path;

class ChronicleSpikeTest
{
    @TempDir Path dir;

    @Test
    void spike()
    {
        final ByteBuffer bb = ByteBuffer.allocateDirect(64);
        final UnsafeBuffer ub = new UnsafeBuffer(bb);
        final PointerBytesStore pbs = new PointerBytesStore();
        try (SingleChronicleQueue q = SingleChronicleQueueBuilder.binary(dir).rollCycle(TestRollCycles.TEST_SECONDLY).blockSize(1 << 20).build())
        {
            final ExcerptAppender a = q.createAppender();
            for (int i = 0; i < 5; i++)
            {
                ub.putLong(0, i);
                ub.putLong(8, 100 + i);
                pbs.set(ub.addressOffset(), 16);
                a.writeBytes(pbs);
                System.out.println("appended idx " + Long.toHexString(a.lastIndexAppended()) + " file " + a.currentFile());
            }
            final long t0 = System.nanoTime();
            a.sync();
            System.out.println("sync ns " + (System.nanoTime() - t0));
            final ExcerptTailer t = q.createTailer();
            while (true)
            {
                try (DocumentContext dc = t.readingDocument())
                {
                    if (!dc.isPresent())
                    {
                        break;
                    }
                    final Bytes<?> b = dc.wire().bytes();
                    final long pos = b.readPosition();
                    final long addr = b.addressForRead(pos);
                    final UnsafeBuffer v = new UnsafeBuffer(addr, (int)b.readRemaining());
                    System.out.println("read idx " + Long.toHexString(t.index()) + " pos " + pos + " len " + b.readRemaining() + " v0 " + v.getLong(0) + " file " + t.currentFile() + " store " + b.bytesStore().getClass());
                }
            }
            // leave an incomplete excerpt
            final DocumentContext dc = a.writingDocument();
            dc.wire().bytes().writeLong(77);
            System.out.println("incomplete at " + dc.wire().bytes().writePosition());
            final ExcerptTailer t2 = q.createTailer();
            int n = 0;
            while (true)
            {
                try (DocumentContext d = t2.readingDocument())
                {
                    if (!d.isPresent())
                    {
                        break;
                    }
                    n++;
                }
            }
            System.out.println("read with incomplete " + n + " state " + t2.state());
            System.out.println(BytesStore.class);
        }
    }
}
