package io.phantomdb.index.lsm;

import io.phantomdb.index.ByteMapReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.phantomdb.index.lsm.LsmTestSupport.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(90)
class LsmCrashTest
{
    private static final int DURABLE_TARGET = 400;

    @TempDir
    Path dir;

    static LsmConfig config()
    {
        return LsmTestSupport.tinyConfig().level0CompactionTrigger(3).targetFileBytes(4096);
    }

    @Test
    void shouldRecoverEveryFlushedKeyWhenProcessIsKilledMidWrite() throws IOException, InterruptedException
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (final String argument : ManagementFactory.getRuntimeMXBean().getInputArguments())
        {
            if (argument.startsWith("--add-") || argument.startsWith("-D") || argument.startsWith("-X"))
            {
                command.add(argument);
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(LsmCrashChild.class.getName());
        command.add(dir.toString());
        final Process child = new ProcessBuilder(command).redirectErrorStream(true).start();

        int durable = -1;
        final List<String> output = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(
            new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII)))
        {
            String line;
            while (durable < DURABLE_TARGET && null != (line = lines.readLine()))
            {
                output.add(line);
                if (line.startsWith("durable "))
                {
                    durable = Integer.parseInt(line.substring("durable ".length()));
                }
            }
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "child did not die");
        }
        assertTrue(durable >= DURABLE_TARGET, "child stopped early: " + output);

        try (LsmTree tree = LsmTree.open(dir, config()); ByteMapReader reader = tree.newReader())
        {
            reader.begin();
            for (int i = 0; i <= durable; i++)
            {
                assertEquals("value-" + i, get(reader, i), "key " + i + " of " + durable + " durable");
            }
            for (int i = durable + 1; null != get(reader, i); i++)
            {
                assertEquals("value-" + i, get(reader, i));
            }
        }
        try (Stream<Path> files = Files.list(dir))
        {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().equals(Manifest.TEMP_FILE_NAME)));
        }
    }
}
