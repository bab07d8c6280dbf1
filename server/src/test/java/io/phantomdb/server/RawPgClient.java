package io.phantomdb.server;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal PostgreSQL protocol client over a plain socket, for tests that send malformed or hostile bytes:
 * writes a startup message (trust authentication) and raw frames, and reads backend messages.
 */
final class RawPgClient implements AutoCloseable
{
    private final Socket socket;
    private final DataOutputStream out;
    private final DataInputStream in;

    /** One backend message. */
    record Message(char type, byte[] body)
    {
        String text()
        {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    RawPgClient(final int port) throws IOException
    {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        out = new DataOutputStream(socket.getOutputStream());
        in = new DataInputStream(socket.getInputStream());
    }

    /**
     * Sends the startup message and reads up to the first ReadyForQuery.
     */
    void startup(final String user) throws IOException
    {
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        final DataOutputStream data = new DataOutputStream(body);
        data.writeInt(196608);
        for (final String s : new String[]{"user", user, "database", "test", ""})
        {
            data.write(s.getBytes(StandardCharsets.UTF_8));
            data.write(0);
        }
        out.writeInt(body.size() + 4);
        out.write(body.toByteArray());
        out.flush();
        readUntil('Z');
    }

    void send(final char type, final byte[] body) throws IOException
    {
        out.write(type);
        out.writeInt(body.length + 4);
        out.write(body);
        out.flush();
    }

    void sendRaw(final byte[] bytes) throws IOException
    {
        out.write(bytes);
        out.flush();
    }

    void query(final String sql) throws IOException
    {
        final byte[] text = sql.getBytes(StandardCharsets.UTF_8);
        final byte[] body = new byte[text.length + 1];
        System.arraycopy(text, 0, body, 0, text.length);
        send('Q', body);
    }

    Message read() throws IOException
    {
        final int type = in.read();
        if (type < 0)
        {
            return null;
        }
        final int length = in.readInt();
        final byte[] body = new byte[length - 4];
        in.readFully(body);
        return new Message((char)type, body);
    }

    /**
     * @return the next message, waiting at most the given time, or null at end of stream.
     * @throws java.net.SocketTimeoutException if nothing arrives in time.
     */
    Message readWithin(final int millis) throws IOException
    {
        final int previous = socket.getSoTimeout();
        socket.setSoTimeout(millis);
        try
        {
            return read();
        }
        finally
        {
            socket.setSoTimeout(previous);
        }
    }

    /**
     * @return the message of the given type, or the ErrorResponse that came first, or null at end of stream.
     */
    Message readUntil(final char type) throws IOException
    {
        while (true)
        {
            final Message message = read();
            if (message == null || message.type() == type || message.type() == 'E')
            {
                return message;
            }
        }
    }

    @Override
    public void close() throws IOException
    {
        socket.close();
    }
}
