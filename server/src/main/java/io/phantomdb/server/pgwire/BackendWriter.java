package io.phantomdb.server.pgwire;

import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;

/**
 * Appends backend messages to a buffer: {@code byte type, int32 length (including itself), body}. Each method
 * writes one whole message.
 * <p>
 * <b>Note:</b> stateless apart from the buffer it is handed; call on the thread that owns the buffer.
 */
final class BackendWriter
{
    private BackendWriter()
    {
    }

    static int begin(final ByteBuf out, final char type)
    {
        out.writeByte(type);
        final int lengthAt = out.writerIndex();
        out.writeInt(0);
        return lengthAt;
    }

    static void end(final ByteBuf out, final int lengthAt)
    {
        out.setInt(lengthAt, out.writerIndex() - lengthAt);
    }

    static void cstring(final ByteBuf out, final String value)
    {
        out.writeCharSequence(value, StandardCharsets.UTF_8);
        out.writeByte(0);
    }

    static void authentication(final ByteBuf out, final int code, final byte[] data)
    {
        final int at = begin(out, 'R');
        out.writeInt(code);
        if (data != null)
        {
            out.writeBytes(data);
        }
        end(out, at);
    }

    static void authenticationSasl(final ByteBuf out)
    {
        final int at = begin(out, 'R');
        out.writeInt(10);
        cstring(out, "SCRAM-SHA-256");
        out.writeByte(0);
        end(out, at);
    }

    static void parameterStatus(final ByteBuf out, final String name, final String value)
    {
        final int at = begin(out, 'S');
        cstring(out, name);
        cstring(out, value);
        end(out, at);
    }

    static void backendKeyData(final ByteBuf out, final int processId, final int secret)
    {
        final int at = begin(out, 'K');
        out.writeInt(processId);
        out.writeInt(secret);
        end(out, at);
    }

    static void readyForQuery(final ByteBuf out, final char status)
    {
        final int at = begin(out, 'Z');
        out.writeByte(status);
        end(out, at);
    }

    static void commandComplete(final ByteBuf out, final String tag)
    {
        final int at = begin(out, 'C');
        cstring(out, tag);
        end(out, at);
    }

    static void empty(final ByteBuf out, final char type)
    {
        final int at = begin(out, type);
        end(out, at);
    }

    /**
     * ErrorResponse ('E') or NoticeResponse ('N').
     */
    static void notice(
        final ByteBuf out, final char type, final String severity, final String sqlState, final String message,
        final int position)
    {
        final int at = begin(out, type);
        out.writeByte('S');
        cstring(out, severity);
        out.writeByte('V');
        cstring(out, severity);
        out.writeByte('C');
        cstring(out, sqlState);
        out.writeByte('M');
        cstring(out, message == null ? "" : message);
        if (position > 0)
        {
            out.writeByte('P');
            cstring(out, Integer.toString(position));
        }
        out.writeByte(0);
        end(out, at);
    }
}
