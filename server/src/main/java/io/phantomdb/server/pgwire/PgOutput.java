package io.phantomdb.server.pgwire;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.phantomdb.sql.ResultColumn;
import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlResult;
import io.phantomdb.sql.SqlState;

import java.util.List;

/**
 * A connection's outgoing side: backend messages gather in one buffer, which goes to the channel at
 * ReadyForQuery, at Flush, or every {@value #FLUSH_BYTES} bytes; while the client does not read (the channel is
 * not writable) the connection's thread waits, so a large result never piles up in memory.
 * <p>
 * <b>Note:</b> {@link #writabilityChanged()} may be called from the event loop; everything else from the
 * connection's thread.
 */
final class PgOutput
{
    static final int FLUSH_BYTES = 64 * 1024;

    private final Channel channel;
    private final Object writability = new Object();
    private ByteBuf out;

    PgOutput(final Channel channel)
    {
        this.channel = channel;
        this.out = channel.alloc().buffer(FLUSH_BYTES);
    }

    /**
     * @return the buffer to append messages to; a new one after every flush.
     */
    ByteBuf buffer()
    {
        return out;
    }

    boolean active()
    {
        return channel.isActive();
    }

    void writabilityChanged()
    {
        synchronized (writability)
        {
            writability.notifyAll();
        }
    }

    void rowDescription(final List<ResultColumn> columns, final boolean[] binary)
    {
        final int at = BackendWriter.begin(out, 'T');
        out.writeShort(columns.size());
        for (int i = 0; i < columns.size(); i++)
        {
            final ResultColumn column = columns.get(i);
            final int oid = column.type().pgOid();
            BackendWriter.cstring(out, column.label());
            out.writeInt(0);
            out.writeShort(0);
            out.writeInt(oid);
            out.writeShort(PgTypes.typeSize(oid));
            out.writeInt(column.type().pgTypeModifier());
            out.writeShort(binary != null && binary[i] ? 1 : 0);
        }
        BackendWriter.end(out, at);
    }

    /**
     * @return whether the row limit stopped the rows (the portal is suspended).
     */
    boolean sendRows(
        final SqlResult result, final List<ResultColumn> columns, final boolean[] binary, final int maxRows)
    {
        final int count = columns.size();
        final int[] oids = new int[count];
        for (int i = 0; i < count; i++)
        {
            oids[i] = columns.get(i).type().pgOid();
        }
        int sent = 0;
        while ((maxRows <= 0 || sent < maxRows) && result.next())
        {
            final int at = BackendWriter.begin(out, 'D');
            out.writeShort(count);
            for (int i = 0; i < count; i++)
            {
                PgTypes.write(out, result.get(i), oids[i], binary != null && binary[i]);
            }
            BackendWriter.end(out, at);
            sent++;
            if (out.writerIndex() >= FLUSH_BYTES)
            {
                flushAndWait();
            }
        }
        return maxRows > 0 && sent == maxRows;
    }

    void flush()
    {
        if (out.readableBytes() > 0)
        {
            channel.writeAndFlush(out);
            out = channel.alloc().buffer(FLUSH_BYTES);
        }
    }

    void flushAndWait()
    {
        flush();
        synchronized (writability)
        {
            while (!channel.isWritable() && channel.isActive())
            {
                try
                {
                    writability.wait(100);
                }
                catch (final InterruptedException ex)
                {
                    Thread.currentThread().interrupt();
                    throw new SqlException(SqlState.ADMIN_SHUTDOWN, "interrupted while sending rows");
                }
            }
        }
    }

    void release()
    {
        out.release();
    }
}
