package io.phantomdb.sql.shell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

/**
 * Lines from a stream (a piped script) or a string ({@code -c}); shows no prompts.
 * <p>
 * <b>Note:</b> used by the shell's one thread.
 */
final class StreamLineSource implements LineSource
{
    private final BufferedReader reader;

    private StreamLineSource(final BufferedReader reader)
    {
        this.reader = reader;
    }

    /**
     * @param in UTF-8 text; not closed by {@link #close()}.
     * @return the source.
     */
    static StreamLineSource of(final InputStream in)
    {
        return new StreamLineSource(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    }

    /**
     * @param text the text.
     * @return the source.
     */
    static StreamLineSource of(final String text)
    {
        return new StreamLineSource(new BufferedReader(new StringReader(text)));
    }

    @Override
    public String readLine(final String prompt) throws IOException
    {
        return reader.readLine();
    }

    @Override
    public void close()
    {
    }
}
