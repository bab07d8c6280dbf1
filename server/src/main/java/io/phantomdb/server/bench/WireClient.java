package io.phantomdb.server.bench;

import io.phantomdb.server.auth.ScramClient;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal blocking PostgreSQL protocol client for the load generator: startup (trust or SCRAM-SHA-256),
 * simple queries, and named prepared statements run with text parameters (Bind/Execute/Sync in one write).
 * <p>
 * <b>Note:</b> not thread-safe; one per load thread.
 */
final class WireClient implements AutoCloseable
{
    private final Socket socket;
    private final DataOutputStream out;
    private final DataInputStream in;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream(256);
    private String lastValue;

    WireClient(final String host, final int port, final String user, final String password, final String database)
        throws IOException
    {
        socket = new Socket(host, port);
        socket.setTcpNoDelay(true);
        out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), 8192));
        in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 8192));
        final DataOutputStream startup = new DataOutputStream(body);
        startup.writeInt(196608);
        for (final String s : new String[]{"user", user, "database", database, "application_name", "phantomdb-bench"})
        {
            cstring(startup, s);
        }
        startup.write(0);
        out.writeInt(body.size() + 4);
        body.writeTo(out);
        body.reset();
        out.flush();
        ScramClient scram = null;
        while (true)
        {
            final int type = in.read();
            final byte[] message = message();
            if (type == 'E')
            {
                throw new IOException("connection refused: " + fields(message));
            }
            if (type == 'Z')
            {
                return;
            }
            if (type != 'R')
            {
                continue;
            }
            final int code = ((message[0] & 0xFF) << 24) | ((message[1] & 0xFF) << 16) | ((message[2] & 0xFF) << 8) |
                (message[3] & 0xFF);
            if (code == 10)
            {
                if (password == null)
                {
                    throw new IOException("the server asks for a password: set PGPASSWORD or --password");
                }
                scram = new ScramClient(password);
                final byte[] first = scram.clientFirst().getBytes(StandardCharsets.UTF_8);
                final DataOutputStream initial = new DataOutputStream(body);
                cstring(initial, "SCRAM-SHA-256");
                initial.writeInt(first.length);
                initial.write(first);
                send('p');
            }
            else if (code == 11)
            {
                body.write(scram.clientFinal(new String(message, 4, message.length - 4, StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8));
                send('p');
            }
            else if (code == 12)
            {
                scram.verify(new String(message, 4, message.length - 4, StandardCharsets.UTF_8));
            }
            else if (code != 0)
            {
                throw new IOException("unsupported authentication request " + code);
            }
        }
    }

    /**
     * Runs a simple query.
     *
     * @return null on success, else the error's "SQLSTATE message".
     */
    String simple(final String sql) throws IOException
    {
        cstring(new DataOutputStream(body), sql);
        send('Q');
        return awaitReady();
    }

    /**
     * Prepares a named statement; parameters are typed by the server.
     */
    void prepare(final String name, final String sql) throws IOException
    {
        final DataOutputStream data = new DataOutputStream(body);
        cstring(data, name);
        cstring(data, sql);
        data.writeShort(0);
        send('P');
        send('S');
        final String error = awaitReady();
        if (error != null)
        {
            throw new IOException("cannot prepare " + sql + ": " + error);
        }
    }

    /**
     * Runs a prepared statement with text parameters and reads to ReadyForQuery.
     *
     * @return null on success, else the error's "SQLSTATE message".
     */
    String execute(final String name, final String... parameters) throws IOException
    {
        final DataOutputStream data = new DataOutputStream(body);
        data.write(0);
        cstring(data, name);
        data.writeShort(0);
        data.writeShort(parameters.length);
        for (final String parameter : parameters)
        {
            final byte[] bytes = parameter.getBytes(StandardCharsets.UTF_8);
            data.writeInt(bytes.length);
            data.write(bytes);
        }
        data.writeShort(0);
        sendBuffered('B');
        data.write(0);
        data.writeInt(0);
        sendBuffered('E');
        send('S');
        return awaitReady();
    }

    /**
     * @return the first column of the last row received, as an integer.
     * @throws IOException if there was none.
     */
    int lastInteger(final String what) throws IOException
    {
        if (lastValue == null)
        {
            throw new IOException(what + " returned no value");
        }
        return Integer.parseInt(lastValue.trim());
    }

    /**
     * Runs {@code COPY ... FROM STDIN} with the given text-format rows.
     *
     * @return null on success, else the error's "SQLSTATE message".
     */
    String copy(final String sql, final String rows) throws IOException
    {
        cstring(new DataOutputStream(body), sql);
        send('Q');
        while (true)
        {
            final int type = in.read();
            final byte[] message = message();
            if (type == 'E')
            {
                awaitReady();
                return fields(message);
            }
            if (type == 'G')
            {
                break;
            }
        }
        final byte[] bytes = rows.getBytes(StandardCharsets.UTF_8);
        for (int offset = 0; offset < bytes.length; offset += 65_536)
        {
            body.write(bytes, offset, Math.min(65_536, bytes.length - offset));
            sendBuffered('d');
        }
        send('c');
        return awaitReady();
    }

    private String awaitReady() throws IOException
    {
        String error = null;
        while (true)
        {
            final int type = in.read();
            if (type < 0)
            {
                throw new IOException("server closed the connection");
            }
            final byte[] message = message();
            if (type == 'E')
            {
                error = fields(message);
            }
            else if (type == 'D' && message.length >= 6)
            {
                final int length = ((message[2] & 0xFF) << 24) | ((message[3] & 0xFF) << 16) |
                    ((message[4] & 0xFF) << 8) | (message[5] & 0xFF);
                lastValue = length < 0 ? null : new String(message, 6, length, StandardCharsets.UTF_8);
            }
            else if (type == 'Z')
            {
                return error;
            }
        }
    }

    private byte[] message() throws IOException
    {
        final byte[] message = new byte[in.readInt() - 4];
        in.readFully(message);
        return message;
    }

    private static String fields(final byte[] message)
    {
        String code = "";
        String text = "";
        int start = 0;
        while (start < message.length && message[start] != 0)
        {
            int end = start + 1;
            while (end < message.length && message[end] != 0)
            {
                end++;
            }
            final String value = new String(message, start + 1, end - start - 1, StandardCharsets.UTF_8);
            if (message[start] == 'C')
            {
                code = value;
            }
            else if (message[start] == 'M')
            {
                text = value;
            }
            start = end + 1;
        }
        return code + " " + text;
    }

    private void sendBuffered(final char type) throws IOException
    {
        out.write(type);
        out.writeInt(body.size() + 4);
        body.writeTo(out);
        body.reset();
    }

    private void send(final char type) throws IOException
    {
        sendBuffered(type);
        out.flush();
    }

    private static void cstring(final DataOutputStream out, final String value) throws IOException
    {
        out.write(value.getBytes(StandardCharsets.UTF_8));
        out.write(0);
    }

    @Override
    public void close() throws IOException
    {
        try
        {
            send('X');
        }
        finally
        {
            socket.close();
        }
    }
}
