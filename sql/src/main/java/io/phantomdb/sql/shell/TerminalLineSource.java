package io.phantomdb.sql.shell;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;

/**
 * Lines from the terminal through JLine: line editing, prompts, and a history file kept across runs.
 * Ctrl-C cancels the line being typed; Ctrl-D ends the input.
 * <p>
 * <b>Note:</b> used by the shell's one thread.
 */
final class TerminalLineSource implements LineSource
{
    private final Terminal terminal;
    private final LineReader reader;

    /**
     * @param historyFile where the history is kept.
     * @throws IOException if the terminal cannot be opened.
     */
    TerminalLineSource(final Path historyFile) throws IOException
    {
        terminal = TerminalBuilder.builder().system(true).build();
        reader = LineReaderBuilder.builder()
            .terminal(terminal)
            .appName("phantomdb")
            .variable(LineReader.HISTORY_FILE, historyFile)
            .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
            .build();
    }

    @Override
    public String readLine(final String prompt)
    {
        try
        {
            return reader.readLine(prompt);
        }
        catch (final UserInterruptException ex)
        {
            throw new CancellationException("line cancelled");
        }
        catch (final EndOfFileException ex)
        {
            return null;
        }
    }

    @Override
    public void close() throws IOException
    {
        try
        {
            reader.getHistory().save();
        }
        finally
        {
            terminal.close();
        }
    }
}
