package io.phantomdb.server.pgwire;

import io.netty.buffer.ByteBuf;
import io.phantomdb.sql.PreparedSql;
import io.phantomdb.sql.ResultColumn;
import io.phantomdb.sql.SqlDatabase;
import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlMetadata;
import io.phantomdb.sql.SqlResult;
import io.phantomdb.sql.SqlSession;
import io.phantomdb.sql.SqlState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code COPY table [(columns)] FROM STDIN} and {@code COPY table|(query) TO STDOUT} in the text and CSV formats.
 * COPY FROM runs one prepared INSERT per row inside one transaction (its own unless a block is open), so it is
 * all or nothing; progress is logged every 100,000 rows.
 * <p>
 * <b>Note:</b> not thread-safe; runs on its connection's thread.
 */
final class CopyRunner
{
    private static final Logger LOG = LoggerFactory.getLogger(CopyRunner.class);
    private static final Pattern COPY_FROM = Pattern.compile(
        "COPY\\s+(\"?[\\w.]+\"?)\\s*(?:\\(([^)]*)\\))?\\s+FROM\\s+STDIN(.*)", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern COPY_TO = Pattern.compile(
        "COPY\\s+(?:(\"?[\\w.]+\"?)\\s*(?:\\(([^)]*)\\))?|\\((.*)\\))\\s+TO\\s+STDOUT(.*)",
        Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final int PROGRESS_ROWS = 100_000;

    /** How COPY reaches the connection: its inbox and its output buffer. */
    interface Connection
    {
        Frame take() throws InterruptedException;

        ByteBuf out();

        void flush();

        void flushAndWait();
    }

    private CopyRunner()
    {
    }

    static boolean isCopy(final String sql)
    {
        return sql.regionMatches(true, 0, "COPY", 0, 4) && (COPY_FROM.matcher(sql).matches() || COPY_TO.matcher(sql).matches());
    }

    /**
     * Runs a COPY statement.
     *
     * @return the command tag ({@code COPY n}).
     * @throws SqlException if the statement or a row fails.
     */
    static String run(final String sql, final SqlSession session, final SqlDatabase database, final Connection connection)
        throws InterruptedException
    {
        final Matcher from = COPY_FROM.matcher(sql);
        if (from.matches())
        {
            return copyIn(name(from.group(1)), from.group(2), CopyFormat.parse(from.group(3)), session, database,
                connection);
        }
        final Matcher to = COPY_TO.matcher(sql);
        if (!to.matches())
        {
            throw new SqlException(SqlState.SYNTAX_ERROR, "unsupported COPY: only FROM STDIN and TO STDOUT");
        }
        final String query = to.group(3) != null ? to.group(3) :
            "SELECT " + (to.group(2) == null ? "*" : to.group(2)) + " FROM " + to.group(1);
        return copyOut(query, CopyFormat.parse(to.group(4)), session, connection);
    }

    private static String name(final String quoted)
    {
        final String name = quoted.replace("\"", "");
        return name.startsWith("public.") ? name.substring(7) : name;
    }

    private static String copyIn(
        final String table, final String columnList, final CopyFormat format, final SqlSession session,
        final SqlDatabase database, final Connection connection) throws InterruptedException
    {
        final List<String> columns = new ArrayList<>();
        if (columnList != null)
        {
            for (final String column : columnList.split(","))
            {
                columns.add(column.trim());
            }
        }
        else
        {
            final SqlMetadata.TableInfo info = database.metadata().tables().stream()
                .filter(t -> t.name().equals(table)).findFirst()
                .orElseThrow(() -> new SqlException(SqlState.UNDEFINED_TABLE, "relation \"" + table + "\" does not exist"));
            info.columns().forEach(c -> columns.add(c.name()));
        }
        final StringBuilder insert = new StringBuilder("INSERT INTO ").append(table).append(" (")
            .append(String.join(", ", columns)).append(") VALUES (");
        for (int i = 1; i <= columns.size(); i++)
        {
            insert.append(i == 1 ? "$" : ", $").append(i);
        }
        final boolean ownTransaction = !session.inTransaction();
        final ByteBuf out = connection.out();
        final int at = BackendWriter.begin(out, 'G');
        out.writeByte(0);
        out.writeShort(columns.size());
        for (int i = 0; i < columns.size(); i++)
        {
            out.writeShort(0);
        }
        BackendWriter.end(out, at);
        connection.flush();
        SqlException failure = null;
        long rows = 0;
        final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        boolean skippedHeader = !format.header();
        boolean ended = false;
        PreparedSql prepared = null;
        try
        {
            if (ownTransaction)
            {
                session.execute("BEGIN").close();
            }
            prepared = session.prepare(insert.append(')').toString());
            while (!ended)
            {
                final Frame frame = connection.take();
                if (frame == Frame.CLOSED)
                {
                    throw new SqlException("08006", "connection closed during COPY");
                }
                if (frame.type() == 'f')
                {
                    throw new SqlException(SqlState.QUERY_CANCELED, "COPY from stdin failed: " +
                        new MessageReader(frame.body()).cstring());
                }
                if (frame.type() == 'c')
                {
                    ended = true;
                    pending.write('\n');
                }
                else if (frame.type() == 'd')
                {
                    pending.writeBytes(frame.body());
                }
                else if (frame.type() != 'H' && frame.type() != 'S')
                {
                    throw new ProtocolException("unexpected message type '" + (char)frame.type() + "' during COPY");
                }
                if (failure != null)
                {
                    pending.reset();
                    continue;
                }
                final byte[] bytes = pending.toByteArray();
                int start = 0;
                for (int i = 0; i < bytes.length; i++)
                {
                    if (bytes[i] != '\n')
                    {
                        continue;
                    }
                    String line = new String(bytes, start, i - start, StandardCharsets.UTF_8);
                    start = i + 1;
                    line = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
                    if (line.equals("\\.") || (ended && line.isEmpty() && i == bytes.length - 1))
                    {
                        continue;
                    }
                    if (!skippedHeader)
                    {
                        skippedHeader = true;
                        continue;
                    }
                    try
                    {
                        insertRow(prepared, format.fields(line), columns.size(), rows + 1);
                        rows++;
                        if (rows % PROGRESS_ROWS == 0)
                        {
                            LOG.info("COPY {}: {} rows", table, rows);
                        }
                    }
                    catch (final SqlException ex)
                    {
                        failure = ex;
                        break;
                    }
                }
                pending.reset();
                if (failure == null)
                {
                    pending.write(bytes, start, bytes.length - start);
                }
            }
            if (failure != null)
            {
                throw failure;
            }
            if (ownTransaction)
            {
                session.execute("COMMIT").close();
            }
        }
        catch (final SqlException ex)
        {
            if (ownTransaction && session.inTransaction())
            {
                session.rollback();
            }
            throw ex;
        }
        finally
        {
            if (prepared != null)
            {
                prepared.close();
            }
        }
        if (rows >= PROGRESS_ROWS)
        {
            LOG.info("COPY {}: done, {} rows", table, rows);
        }
        return "COPY " + rows;
    }

    private static void insertRow(final PreparedSql prepared, final List<String> fields, final int width, final long line)
    {
        if (fields.size() != width)
        {
            throw new SqlException("22P04", (fields.size() < width ? "missing data" : "extra data after last expected column") +
                " (COPY line " + line + ")");
        }
        try (SqlResult result = prepared.execute(fields.toArray()))
        {
            result.updateCount();
        }
    }

    private static String copyOut(
        final String query, final CopyFormat format, final SqlSession session, final Connection connection)
    {
        long rows = 0;
        try (SqlResult result = session.execute(query))
        {
            final List<ResultColumn> columns = result.columns();
            final ByteBuf out = connection.out();
            int at = BackendWriter.begin(out, 'H');
            out.writeByte(0);
            out.writeShort(columns.size());
            for (int i = 0; i < columns.size(); i++)
            {
                out.writeShort(0);
            }
            BackendWriter.end(out, at);
            final List<String> values = new ArrayList<>(columns.size());
            if (format.header())
            {
                columns.forEach(c -> values.add(c.label()));
                copyData(connection, format.line(values));
            }
            while (result.next())
            {
                values.clear();
                for (int i = 0; i < columns.size(); i++)
                {
                    final Object value = result.get(i);
                    values.add(value == null ? null : PgTypes.text(value));
                }
                copyData(connection, format.line(values));
                rows++;
                if (rows % PROGRESS_ROWS == 0)
                {
                    LOG.info("COPY TO STDOUT: {} rows", rows);
                }
            }
            at = BackendWriter.begin(connection.out(), 'c');
            BackendWriter.end(connection.out(), at);
        }
        return "COPY " + rows;
    }

    private static void copyData(final Connection connection, final String line)
    {
        final ByteBuf out = connection.out();
        final int at = BackendWriter.begin(out, 'd');
        out.writeCharSequence(line, StandardCharsets.UTF_8);
        BackendWriter.end(out, at);
        if (out.writerIndex() >= 64 * 1024)
        {
            connection.flushAndWait();
        }
    }
}
