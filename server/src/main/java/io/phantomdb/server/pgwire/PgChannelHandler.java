package io.phantomdb.server.pgwire;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateEvent;
import io.phantomdb.sql.SqlState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event-loop side of a connection: answers SSLRequest and GSSENCRequest, routes CancelRequests, applies the
 * connection limit at the startup message, then hands every frame to the connection's {@link PgConnection}
 * thread. A framing error closes just this channel after a FATAL 08P01.
 * <p>
 * <b>Note:</b> one per channel, called on its event loop only.
 */
final class PgChannelHandler extends ChannelInboundHandlerAdapter
{
    private static final Logger LOG = LoggerFactory.getLogger(PgChannelHandler.class);

    private final PgServer server;
    private PgConnection connection;

    PgChannelHandler(final PgServer server)
    {
        this.server = server;
    }

    @Override
    public void channelRead(final ChannelHandlerContext ctx, final Object msg)
    {
        final Frame frame = (Frame)msg;
        if (connection != null)
        {
            connection.offer(frame);
            return;
        }
        final MessageReader reader = new MessageReader(frame.body());
        final int code = reader.int32();
        switch (code)
        {
            case PgDecoder.SSL_REQUEST ->
            {
                final boolean accept = server.sslContext() != null && ctx.pipeline().get(SslHandler.class) == null;
                ctx.writeAndFlush(ctx.alloc().buffer(1).writeByte(accept ? 'S' : 'N'));
                if (accept)
                {
                    ctx.pipeline().addFirst("tls", server.sslContext().newHandler(ctx.alloc()));
                }
            }
            case PgDecoder.GSSENC_REQUEST -> ctx.writeAndFlush(ctx.alloc().buffer(1).writeByte('N'));
            case PgDecoder.CANCEL_REQUEST ->
            {
                final int processId = reader.int32();
                final int secret = reader.int32();
                server.cancels().cancel(processId, secret);
                ctx.close();
            }
            case PgDecoder.STARTUP_V3 ->
            {
                if (!server.connectionStarted())
                {
                    LOG.warn("refused connection {}: too many clients", ctx.channel().remoteAddress());
                    fatal(ctx, "53300", "sorry, too many clients already");
                    return;
                }
                connection = new PgConnection(server, ctx.channel(), ctx.pipeline().get(SslHandler.class) != null);
                connection.offer(frame);
                server.start(connection);
            }
            default -> fatal(ctx, SqlState.PROTOCOL_VIOLATION, "unsupported frontend protocol " + (code >>> 16) + "." +
                (code & 0xFFFF) + ": server supports 3.0");
        }
    }

    @Override
    public void channelInactive(final ChannelHandlerContext ctx)
    {
        if (connection != null)
        {
            connection.offer(Frame.CLOSED);
        }
    }

    @Override
    public void channelWritabilityChanged(final ChannelHandlerContext ctx)
    {
        if (connection != null)
        {
            connection.writabilityChanged();
        }
    }

    @Override
    public void userEventTriggered(final ChannelHandlerContext ctx, final Object event)
    {
        if (event instanceof IdleStateEvent)
        {
            if (connection == null)
            {
                ctx.close();
            }
            else if (!connection.busy())
            {
                connection.offer(Frame.IDLE);
            }
        }
        else
        {
            ctx.fireUserEventTriggered(event);
        }
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        final Throwable error = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        if (error instanceof ProtocolException)
        {
            LOG.info("closing connection {}: {}", ctx.channel().remoteAddress(), error.getMessage());
            if (connection != null)
            {
                connection.offer(Frame.CLOSED);
            }
            fatal(ctx, SqlState.PROTOCOL_VIOLATION, error.getMessage());
        }
        else
        {
            LOG.debug("closing connection {}: {}", ctx.channel().remoteAddress(), error.toString());
            ctx.close();
        }
    }

    private static void fatal(final ChannelHandlerContext ctx, final String sqlState, final String message)
    {
        final ByteBuf out = ctx.alloc().buffer(128);
        BackendWriter.notice(out, 'E', "FATAL", sqlState, message, 0);
        ctx.writeAndFlush(out).addListener(f -> ctx.close());
    }
}
