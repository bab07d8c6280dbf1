package io.phantomdb.proptest.sql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Where a differential property sends a disagreement: by default it fails the try (jqwik then prints
 * the seed); with {@code -D}{@value #PROPERTY}{@code =FILE} it appends the report to FILE and goes on,
 * to survey many disagreements in one run.
 * <p>
 * <b>Note:</b> appends are synchronized; called from jqwik's test thread.
 */
final class Mismatches
{
    /** The system property naming the survey file. */
    static final String PROPERTY = "phantomdb.sql.survey";

    private Mismatches()
    {
    }

    static synchronized void report(final String text)
    {
        final String file = System.getProperty(PROPERTY, "").trim();
        if (file.isEmpty())
        {
            fail(text);
        }
        try
        {
            Files.writeString(Path.of(file), text + "\n\n==========\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
