package io.phantomdb.server;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Wire-protocol fuzzing: random bytes and mutated valid messages, before and after startup, never take the
 * server (with the real SQL engine) down or disturb a connection that behaves. One healthy connection stays open
 * through every try and must answer a query after each.
 */
class WireFuzzProperties
{
    private static PhantomServer server;
    private static RawPgClient healthy;

    @BeforeContainer
    static void start() throws IOException
    {
        server = PhantomServer.start(new ServerConfig().port(0).httpPort(-1).maxMessageBytes(64 * 1024));
        healthy = new RawPgClient(server.port());
        healthy.startup("healthy");
    }

    @AfterContainer
    static void stop() throws IOException
    {
        healthy.close();
        server.close();
    }

    @Property(tries = 150)
    void shouldSurviveRandomBytesAfterStartup(@ForAll("garbage") final byte[] bytes) throws IOException
    {
        try (RawPgClient client = new RawPgClient(server.port()))
        {
            client.startup("fuzz");
            sendAndDrain(client, bytes);
        }
        assertHealthy();
    }

    @Property(tries = 100)
    void shouldSurviveRandomBytesAsStartup(@ForAll("garbage") final byte[] bytes) throws IOException
    {
        try (RawPgClient client = new RawPgClient(server.port()))
        {
            sendAndDrain(client, bytes);
        }
        assertHealthy();
    }

    @Property(tries = 200)
    void shouldSurviveMutatedExtendedQuery(
        @ForAll("positions") final List<Integer> positions, @ForAll("garbage") final byte[] values) throws IOException
    {
        final byte[] valid = extendedQuery();
        final byte[] mutated = valid.clone();
        for (int i = 0; i < positions.size(); i++)
        {
            mutated[positions.get(i) % mutated.length] = values.length == 0 ? 0 : values[i % values.length];
        }
        try (RawPgClient client = new RawPgClient(server.port()))
        {
            client.startup("fuzz");
            sendAndDrain(client, mutated);
        }
        assertHealthy();
    }

    @Provide
    Arbitrary<byte[]> garbage()
    {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(300);
    }

    @Provide
    Arbitrary<List<Integer>> positions()
    {
        return Arbitraries.integers().between(0, 10_000).list().ofMinSize(1).ofMaxSize(6);
    }

    private static void sendAndDrain(final RawPgClient client, final byte[] bytes) throws IOException
    {
        try
        {
            client.sendRaw(bytes);
            client.sendRaw(new byte[]{'S', 0, 0, 0, 4});
            for (int i = 0; i < 100 && client.readWithin(50) != null; i++)
            {
                // Read what the server answers until it closes or goes quiet.
                continue;
            }
        }
        catch (final SocketTimeoutException | java.net.SocketException ex)
        {
            // The server closing the connection or waiting for more bytes are both fine outcomes.
            return;
        }
        catch (final java.io.EOFException ex)
        {
            return;
        }
    }

    private static void assertHealthy() throws IOException
    {
        healthy.query("SELECT 9");
        final RawPgClient.Message row = healthy.readUntil('D');
        assertNotNull(row);
        assertEquals('D', row.type());
        assertEquals('Z', healthy.readUntil('Z').type());
    }

    private static byte[] extendedQuery() throws IOException
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final DataOutputStream out = new DataOutputStream(bytes);
        message(out, 'P', body ->
        {
            cstring(body, "s1");
            cstring(body, "SELECT $1::text, $2::integer");
            body.writeShort(2);
            body.writeInt(25);
            body.writeInt(23);
        });
        message(out, 'B', body ->
        {
            cstring(body, "p1");
            cstring(body, "s1");
            body.writeShort(1);
            body.writeShort(0);
            body.writeShort(2);
            body.writeInt(3);
            body.write("abc".getBytes(StandardCharsets.UTF_8));
            body.writeInt(-1);
            body.writeShort(1);
            body.writeShort(1);
        });
        message(out, 'D', body ->
        {
            body.writeByte('P');
            cstring(body, "p1");
        });
        message(out, 'E', body ->
        {
            cstring(body, "p1");
            body.writeInt(0);
        });
        message(out, 'C', body ->
        {
            body.writeByte('S');
            cstring(body, "s1");
        });
        message(out, 'S', body ->
        {
        });
        return bytes.toByteArray();
    }

    private interface Body
    {
        void write(DataOutputStream body) throws IOException;
    }

    private static void message(final DataOutputStream out, final char type, final Body writer) throws IOException
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        writer.write(new DataOutputStream(bytes));
        out.writeByte(type);
        out.writeInt(bytes.size() + 4);
        out.write(bytes.toByteArray());
    }

    private static void cstring(final DataOutputStream out, final String value) throws IOException
    {
        out.write(value.getBytes(StandardCharsets.UTF_8));
        out.write(0);
    }
}
