package io.phantomdb.replication;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * One answer of the cluster, copied off the egress buffer: status, log position and the raw message for its entries
 * ({@link MessageDescriptor}).
 * <p>
 * <b>Note:</b> immutable after construction; handed from the client thread to the waiting caller.
 */
public final class ClusterResponse
{
    final int status;
    final long position;
    final UnsafeBuffer message;

    ClusterResponse(final int status, final long position, final UnsafeBuffer message)
    {
        this.status = status;
        this.position = position;
        this.message = message;
    }

    /**
     * @return the status, one of {@link MessageDescriptor}'s {@code STATUS_} constants.
     */
    public int status()
    {
        return status;
    }

    /**
     * @return the log position the request was applied at.
     */
    public long position()
    {
        return position;
    }

    /**
     * @return the whole response message (header and entries), from offset 0.
     */
    public DirectBuffer message()
    {
        return message;
    }
}
