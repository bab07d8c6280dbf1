package io.phantomdb.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs a real client program (psql, python3 with psycopg2, node with pg, chromium through playwright-core) as
 * a child process. A missing program fails the test with what to install; it never skips.
 */
final class ExternalClient
{
    private ExternalClient()
    {
    }

    /**
     * @return the repository root (set by surefire).
     */
    static Path repoRoot()
    {
        return Path.of(System.getProperty("phantomdb.repo.root", "..")).toAbsolutePath().normalize();
    }

    /**
     * @return the node_modules directory bin/test fills.
     */
    static Path nodeModules()
    {
        final Path modules = repoRoot().resolve("server/.cache/node/node_modules");
        assertTrue(Files.isDirectory(modules.resolve("pg")) && Files.isDirectory(modules.resolve("playwright-core")),
            "npm packages pg and playwright-core are missing from " + modules + ": run bin/test, which installs them");
        return modules;
    }

    /**
     * Fails unless the program exists.
     */
    static String require(final String program, final String debianPackage)
    {
        for (final String directory : List.of("/usr/bin", "/usr/local/bin", "/bin"))
        {
            final Path path = Path.of(directory, program);
            if (Files.isExecutable(path))
            {
                return path.toString();
            }
        }
        return fail(program + " is not installed: run bin/test, which installs the Debian package " + debianPackage);
    }

    /**
     * Copies a test resource to a file.
     */
    static Path resource(final String name, final Path directory)
    {
        try (InputStream in = ExternalClient.class.getResourceAsStream("/clients/" + name))
        {
            if (in == null)
            {
                throw new IllegalStateException("missing test resource /clients/" + name);
            }
            final Path file = directory.resolve(name);
            Files.write(file, in.readAllBytes());
            return file;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Runs the command and returns its output (stdout and stderr merged).
     *
     * @param expectedExit the exit code that counts as success.
     */
    static String run(final List<String> command, final Map<String, String> environment, final int expectedExit)
        throws IOException, InterruptedException
    {
        final ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        final Process process = builder.start();
        final byte[][] output = new byte[1][];
        final Thread reader = new Thread(() ->
        {
            try
            {
                output[0] = process.getInputStream().readAllBytes();
            }
            catch (final IOException ex)
            {
                output[0] = ex.toString().getBytes(StandardCharsets.UTF_8);
            }
        });
        reader.start();
        if (!process.waitFor(120, TimeUnit.SECONDS))
        {
            process.destroyForcibly();
            reader.join(5_000);
            fail(command + " did not finish in 120 s");
        }
        reader.join(10_000);
        final String text = new String(output[0] == null ? new byte[0] : output[0], StandardCharsets.UTF_8);
        assertEquals(expectedExit, process.exitValue(), () -> command + " exited with " + process.exitValue() + ":\n" + text);
        return text;
    }
}
