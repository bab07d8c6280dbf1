package io.phantomdb.replication;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * One answer of the cluster, copied off the egress buffer: status, log position and the raw message for its entries
 * ({@link MessageDescriptor}).
 * <p>
 * <b>Note:</b> immutable after construction; handed from the client thread to the waiting caller.
 */
final class ClusterResponse
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
}
