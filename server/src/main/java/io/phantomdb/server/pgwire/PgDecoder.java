package io.phantomdb.server.pgwire;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

import java.util.List;

/**
 * Cuts the byte stream into {@link Frame}s. Until the startup message, packets are untyped
 * ({@code int32 length, int32 code, ...}); afterwards each is {@code byte type, int32 length, body}. A length
 * below its minimum or above the configured maximum is a {@link ProtocolException}, raised before the body is
 * buffered, so a hostile length cannot make the server allocate.
 * <p>
 * <b>Note:</b> one per channel, on its event loop.
 */
final class PgDecoder extends ByteToMessageDecoder
{
    /** The protocol 3.0 startup code. */
    static final int STARTUP_V3 = 196608;
    /** The SSLRequest code. */
    static final int SSL_REQUEST = 80877103;
    /** The GSSENCRequest code. */
    static final int GSSENC_REQUEST = 80877104;
    /** The CancelRequest code. */
    static final int CANCEL_REQUEST = 80877102;

    private static final int MAX_STARTUP_BYTES = 10_000;

    private final int maxMessageBytes;
    private boolean startupPhase = true;

    PgDecoder(final int maxMessageBytes)
    {
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    protected void decode(final ChannelHandlerContext ctx, final ByteBuf in, final List<Object> out)
    {
        if (startupPhase)
        {
            if (in.readableBytes() < 4)
            {
                return;
            }
            final int length = in.getInt(in.readerIndex());
            if (length < 8 || length > MAX_STARTUP_BYTES)
            {
                throw new ProtocolException("invalid startup packet length " + length);
            }
            if (in.readableBytes() < length)
            {
                return;
            }
            in.skipBytes(4);
            final byte[] body = new byte[length - 4];
            in.readBytes(body);
            final int code = ((body[0] & 0xFF) << 24) | ((body[1] & 0xFF) << 16) | ((body[2] & 0xFF) << 8) |
                (body[3] & 0xFF);
            if (code == STARTUP_V3)
            {
                startupPhase = false;
            }
            out.add(new Frame((byte)0, body));
            return;
        }
        if (in.readableBytes() < 5)
        {
            return;
        }
        final int length = in.getInt(in.readerIndex() + 1);
        if (length < 4 || length > maxMessageBytes)
        {
            throw new ProtocolException("invalid message length " + length + " for message type '" +
                (char)in.getByte(in.readerIndex()) + "' (limit " + maxMessageBytes + ")");
        }
        if (in.readableBytes() < length + 1)
        {
            return;
        }
        final byte type = in.readByte();
        in.skipBytes(4);
        final byte[] body = new byte[length - 4];
        in.readBytes(body);
        out.add(new Frame(type, body));
    }
}
