package io.phantomdb.server.pgwire;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.phantomdb.server.ServerConfig;
import io.phantomdb.server.auth.AuthenticationException;
import io.phantomdb.server.auth.ScramExchange;
import io.phantomdb.server.auth.UserStore;
import io.phantomdb.sql.ResultColumn;
import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlResult;
import io.phantomdb.sql.SqlSession;
import io.phantomdb.sql.SqlState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * One client connection's protocol state machine, run on a thread of its own: startup and authentication, then
 * simple and extended query against one {@link SqlSession}. Frames arrive from the event loop through an inbox;
 * replies are gathered in a buffer and flushed at ReadyForQuery, at Flush, or when large (waiting while the
 * client does not read).
 * <p>
 * Transaction semantics follow PostgreSQL: an error inside a transaction block puts it in the failed state
 * ({@code E} in ReadyForQuery, 25P02 for every statement until ROLLBACK; COMMIT then rolls back). In the
 * extended protocol an error discards messages up to the next Sync.
 * <p>
 * <b>Note:</b> {@link #offer(Frame)}, {@link #busy()} and {@link #cancel()} are safe from any thread; everything
 * else runs on the connection's own thread.
 */
final class PgConnection implements Runnable
{
    private static final Logger LOG = LoggerFactory.getLogger(PgConnection.class);
    private static final Object[] NO_PARAMETERS = new Object[0];
    private static final int MAX_QUEUED_FRAMES = 1024;

    private final PgServer server;
    private final Channel channel;
    private final boolean tls;
    private final BlockingQueue<Frame> inbox = new LinkedBlockingQueue<>();
    private final Map<String, Prepared> statements = new HashMap<>();
    private final Map<String, Portal> portals = new HashMap<>();
    private volatile boolean busy;
    private volatile SqlSession session;
    private final PgOutput output;
    private SessionCommands commands;
    private CatalogQueries catalog;
    private int processId;
    private boolean failedTransaction;
    private boolean skipUntilSync;
    private boolean closing;
    private Portal openPortal;

    private record Prepared(String sql, ServerStatement statement, int[] parameterOids)
    {
    }

    private static final class Portal
    {
        private final Prepared prepared;
        private final Object[] parameters;
        private final boolean[] binary;
        private SqlResult result;

        private Portal(final Prepared prepared, final Object[] parameters, final boolean[] binary)
        {
            this.prepared = prepared;
            this.parameters = parameters;
            this.binary = binary;
        }
    }

    PgConnection(final PgServer server, final Channel channel, final boolean tls)
    {
        this.server = server;
        this.channel = channel;
        this.tls = tls;
        this.output = new PgOutput(channel);
    }

    /**
     * Queues a frame for the connection's thread; stops reading from the socket while too many wait, so a client
     * that pipelines without reading replies cannot grow the queue without bound.
     */
    void offer(final Frame frame)
    {
        inbox.add(frame);
        if (inbox.size() > MAX_QUEUED_FRAMES && channel.config().isAutoRead())
        {
            channel.config().setAutoRead(false);
        }
    }

    private Frame take() throws InterruptedException
    {
        final Frame frame = inbox.take();
        if (inbox.size() < MAX_QUEUED_FRAMES / 4 && !channel.config().isAutoRead())
        {
            channel.config().setAutoRead(true);
        }
        return frame;
    }

    boolean busy()
    {
        return busy || !inbox.isEmpty();
    }

    void cancel()
    {
        final SqlSession current = session;
        if (current != null)
        {
            current.cancel();
        }
    }

    void writabilityChanged()
    {
        output.writabilityChanged();
    }

    @Override
    public void run()
    {
        try
        {
            if (startup())
            {
                while (!closing)
                {
                    final Frame frame = take();
                    if (frame == Frame.CLOSED)
                    {
                        break;
                    }
                    busy = true;
                    try
                    {
                        handle(frame);
                    }
                    finally
                    {
                        busy = false;
                    }
                }
            }
        }
        catch (final ProtocolException ex)
        {
            LOG.info("closing connection {}: protocol violation: {}", channel.remoteAddress(), ex.getMessage());
            fatal(SqlState.PROTOCOL_VIOLATION, ex.getMessage());
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            fatal(SqlState.ADMIN_SHUTDOWN, "terminating connection due to administrator command");
        }
        catch (final RuntimeException | Error ex)
        {
            LOG.error("closing connection {} after an internal error", channel.remoteAddress(), ex);
            fatal(SqlState.INTERNAL_ERROR, String.valueOf(ex.getMessage()));
        }
        finally
        {
            cleanUp();
        }
    }

    private boolean startup() throws InterruptedException
    {
        final Frame first = take();
        if (first == Frame.CLOSED)
        {
            return false;
        }
        final MessageReader reader = new MessageReader(first.body());
        reader.int32();
        final Map<String, String> options = new LinkedHashMap<>();
        while (true)
        {
            final String key = reader.cstring();
            if (key.isEmpty())
            {
                break;
            }
            options.put(key, reader.cstring());
        }
        final String user = options.get("user");
        if (user == null || user.isEmpty())
        {
            return refuse("28000", "no PostgreSQL user name specified in startup packet");
        }
        final ServerConfig config = server.config();
        if (config.tlsRequired() && !tls)
        {
            return refuse("28000", "connection requires TLS (sslmode=require): no encryption for user \"" + user + "\"");
        }
        boolean superuser = true;
        if (config.auth() == ServerConfig.AuthMethod.PASSWORD)
        {
            final UserStore.User known = server.users().find(user);
            if (!authenticate(user, known))
            {
                return false;
            }
            superuser = known.superuser();
        }
        BackendWriter.authentication(output.buffer(), 0, null);
        final SqlSession opened = server.database().openSession();
        if (config.statementTimeoutMillis() > 0)
        {
            opened.setStatementTimeout(config.statementTimeoutMillis());
        }
        session = opened;
        processId = server.cancels().nextProcessId();
        final int secret = server.cancels().register(processId, this::cancel);
        final String database = options.getOrDefault("database", user);
        commands = new SessionCommands(opened, server.users(), user, superuser, database, processId,
            (name, value) -> BackendWriter.parameterStatus(output.buffer(), name, value));
        catalog = new CatalogQueries(server.database(), database);
        for (final Map.Entry<String, String> option : options.entrySet())
        {
            try
            {
                commands.applyStartupOption(option.getKey(), option.getValue());
            }
            catch (final SqlException ex)
            {
                return refuse(ex.sqlState(), ex.getMessage());
            }
        }
        for (final Map.Entry<String, String> setting : commands.reportedSettings().entrySet())
        {
            BackendWriter.parameterStatus(output.buffer(), setting.getKey(), setting.getValue());
        }
        BackendWriter.backendKeyData(output.buffer(), processId, secret);
        readyForQuery();
        LOG.debug("connection {} authenticated as {} (pid {})", channel.remoteAddress(), user, processId);
        return true;
    }

    private boolean authenticate(final String user, final UserStore.User known) throws InterruptedException
    {
        final ScramExchange exchange = new ScramExchange(known == null ? null : known.verifier());
        try
        {
            BackendWriter.authenticationSasl(output.buffer());
            output.flush();
            final MessageReader initial = new MessageReader(password(take()));
            final String mechanism = initial.cstring();
            if (!"SCRAM-SHA-256".equals(mechanism))
            {
                return refuse("28000", "unsupported SASL mechanism " + mechanism);
            }
            final int length = initial.int32();
            final String clientFirst = new String(initial.bytes(Math.max(length, 0)), StandardCharsets.UTF_8);
            BackendWriter.authentication(output.buffer(), 11, exchange.serverFirst(clientFirst).getBytes(StandardCharsets.UTF_8));
            output.flush();
            final String clientFinal = new String(password(take()), StandardCharsets.UTF_8);
            BackendWriter.authentication(output.buffer(), 12, exchange.serverFinal(clientFinal).getBytes(StandardCharsets.UTF_8));
            return true;
        }
        catch (final AuthenticationException ex)
        {
            final String message = ex.getMessage() != null ? ex.getMessage() :
                "password authentication failed for user \"" + user + "\"";
            LOG.info("refused connection {} for user {}: {}", channel.remoteAddress(), user, message);
            return refuse(ex.sqlState(), message);
        }
    }

    private static byte[] password(final Frame frame)
    {
        if (frame == Frame.CLOSED)
        {
            throw new AuthenticationException("08006", "connection closed during authentication");
        }
        if (frame.type() != 'p')
        {
            throw new ProtocolException("expected a password message, got type '" + (char)frame.type() + "'");
        }
        return frame.body();
    }

    private boolean refuse(final String sqlState, final String message)
    {
        server.metrics().connectionRefused();
        fatal(sqlState, message);
        return false;
    }

    private void handle(final Frame frame)
    {
        final byte type = frame.type();
        if (type == Frame.IDLE.type())
        {
            if (inbox.isEmpty())
            {
                fatal("57P05", "terminating connection due to idle-session timeout");
                closing = true;
            }
            return;
        }
        if (type == Frame.SHUTDOWN.type())
        {
            fatal(SqlState.ADMIN_SHUTDOWN, "terminating connection due to administrator command");
            closing = true;
            return;
        }
        if (type == 'X')
        {
            closing = true;
            return;
        }
        if (skipUntilSync && type != 'S')
        {
            return;
        }
        final MessageReader reader = new MessageReader(frame.body());
        switch (type)
        {
            case 'Q' -> simpleQuery(reader.cstring());
            case 'P' -> extended(() -> parse(reader));
            case 'B' -> extended(() -> bind(reader));
            case 'D' -> extended(() -> describe(reader));
            case 'E' -> extended(() -> execute(reader));
            case 'C' -> extended(() -> close(reader));
            case 'S' ->
            {
                skipUntilSync = false;
                readyForQuery();
            }
            case 'H' -> output.flush();
            case 'd', 'c', 'f' ->
            {
                // CopyData, CopyDone and CopyFail outside COPY are ignored, as PostgreSQL does.
            }
            case 'F' -> extended(() ->
            {
                throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "the fast-path function call is not supported");
            });
            default -> throw new ProtocolException("invalid frontend message type " + (type & 0xFF));
        }
    }

    private void simpleQuery(final String text)
    {
        final String trimmed = trim(text);
        if (trimmed.isEmpty())
        {
            BackendWriter.empty(output.buffer(), 'I');
            readyForQuery();
            return;
        }
        List<String> parts;
        try
        {
            parts = trimmed.indexOf(';') < 0 ? List.of(trimmed) : session.split(text);
        }
        catch (final SqlException ex)
        {
            error(ex, 0);
            readyForQuery();
            return;
        }
        int searchFrom = 0;
        for (final String part : parts)
        {
            final int found = text.indexOf(part, searchFrom);
            final int offset = Math.max(found, 0);
            searchFrom = found < 0 ? searchFrom : found + part.length();
            if (!runSimple(trim(part), offset))
            {
                break;
            }
        }
        readyForQuery();
    }

    private boolean runSimple(final String sql, final int offset)
    {
        final long start = System.nanoTime();
        closeOpenResult();
        try
        {
            if (failedTransactionBlocks(sql))
            {
                return false;
            }
            final String endTag = transactionEnd(sql);
            if (endTag != null)
            {
                BackendWriter.commandComplete(output.buffer(), endTag);
                countRollback(endTag);
                return true;
            }
            if (CopyRunner.isCopy(sql))
            {
                final String tag = copy(sql);
                BackendWriter.commandComplete(output.buffer(), tag);
                afterStatement();
                server.metrics().statement(System.nanoTime() - start, false);
                return true;
            }
            transactionNotice(sql);
            final ServerStatement local = intercept(sql);
            try (SqlResult result = local != null ?
                local.execute(NO_PARAMETERS) : session.execute(CatalogQueries.qualify(sql)))
            {
                if (result.returnsRows())
                {
                    final List<ResultColumn> columns = result.columns();
                    output.rowDescription(columns, null);
                    output.sendRows(result, columns, null, 0);
                }
                BackendWriter.commandComplete(output.buffer(), result.commandTag());
                countRollback(result.commandTag());
            }
            afterStatement();
            server.metrics().statement(System.nanoTime() - start, false);
            return true;
        }
        catch (final RuntimeException ex)
        {
            statementFailed(ex, offset);
            server.metrics().statement(System.nanoTime() - start, true);
            return false;
        }
    }

    private String copy(final String sql)
    {
        try
        {
            return CopyRunner.run(sql, session, server.database(), new CopyRunner.Connection()
            {
                @Override
                public Frame take() throws InterruptedException
                {
                    return PgConnection.this.take();
                }

                @Override
                public ByteBuf out()
                {
                    return output.buffer();
                }

                @Override
                public void flush()
                {
                    output.flush();
                }

                @Override
                public void flushAndWait()
                {
                    output.flushAndWait();
                }
            });
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new SqlException(SqlState.ADMIN_SHUTDOWN, "interrupted during COPY");
        }
    }

    private void extended(final Runnable step)
    {
        try
        {
            step.run();
        }
        catch (final ProtocolException ex)
        {
            throw ex;
        }
        catch (final RuntimeException ex)
        {
            statementFailed(ex, 0);
            server.metrics().failedStatement();
            skipUntilSync = true;
        }
    }

    private void parse(final MessageReader reader)
    {
        final String name = reader.cstring();
        final String sql = reader.cstring();
        final int count = reader.count(4);
        final int[] oids = new int[count];
        for (int i = 0; i < count; i++)
        {
            oids[i] = reader.int32();
        }
        if (!name.isEmpty() && statements.containsKey(name))
        {
            throw new SqlException("42P05", "prepared statement \"" + name + "\" already exists");
        }
        final String trimmed = trim(sql);
        if (failedTransactionBlocks(trimmed))
        {
            skipUntilSync = true;
            return;
        }
        ServerStatement statement = trimmed.isEmpty() ? null : intercept(trimmed);
        if (statement == null && !trimmed.isEmpty() && !(failedTransaction && endsTransaction(trimmed)))
        {
            statement = ServerStatement.of(session.prepare(CatalogQueries.qualify(trimmed)));
        }
        final int parameters = statement == null ? 0 : statement.parameterCount();
        final int[] parameterOids = new int[parameters];
        for (int i = 0; i < parameters; i++)
        {
            parameterOids[i] = i < count && oids[i] != 0 ? oids[i] : statement.parameterOid(i);
        }
        final Prepared previous = statements.put(name, new Prepared(trimmed, statement, parameterOids));
        if (previous != null && previous.statement() != null)
        {
            previous.statement().close();
        }
        BackendWriter.empty(output.buffer(), '1');
    }

    private void bind(final MessageReader reader)
    {
        final String portalName = reader.cstring();
        final String statementName = reader.cstring();
        final int formatCount = reader.count(2);
        final short[] formats = new short[formatCount];
        for (int i = 0; i < formatCount; i++)
        {
            formats[i] = reader.int16();
        }
        final int valueCount = reader.count(4);
        final Prepared prepared = statements.get(statementName);
        if (prepared == null)
        {
            throw new SqlException("26000", "prepared statement \"" + statementName + "\" does not exist");
        }
        if (valueCount != prepared.parameterOids().length)
        {
            throw new SqlException(SqlState.PROTOCOL_VIOLATION, "bind message supplies " + valueCount +
                " parameters, but prepared statement \"" + statementName + "\" requires " +
                prepared.parameterOids().length);
        }
        if (formatCount > 1 && formatCount != valueCount)
        {
            throw new ProtocolException("bind message has " + formatCount + " parameter formats but " + valueCount +
                " parameters");
        }
        final Object[] values = new Object[valueCount];
        for (int i = 0; i < valueCount; i++)
        {
            final int length = reader.int32();
            if (length >= 0)
            {
                final boolean binary = formatCount != 0 && formats[formatCount == 1 ? 0 : i] == 1;
                values[i] = PgTypes.readParameter(prepared.parameterOids()[i], binary, reader.bytes(length));
            }
            else if (length != -1)
            {
                throw new ProtocolException("invalid parameter length " + length);
            }
        }
        final int resultFormatCount = reader.count(2);
        final List<ResultColumn> columns = prepared.statement() == null ? List.of() : prepared.statement().columns();
        final boolean[] binary = new boolean[columns.size()];
        if (resultFormatCount > 1 && resultFormatCount != columns.size())
        {
            throw new ProtocolException("bind message has " + resultFormatCount + " result formats for " +
                columns.size() + " columns");
        }
        for (int i = 0; i < resultFormatCount; i++)
        {
            final short format = reader.int16();
            if (format != 0 && format != 1)
            {
                throw new ProtocolException("invalid format code " + format);
            }
            if (resultFormatCount == 1)
            {
                Arrays.fill(binary, format == 1);
            }
            else
            {
                binary[i] = format == 1;
            }
        }
        closePortal(portalName);
        portals.put(portalName, new Portal(prepared, values, binary));
        BackendWriter.empty(output.buffer(), '2');
    }

    private void describe(final MessageReader reader)
    {
        final byte kind = reader.int8();
        final String name = reader.cstring();
        if (kind == 'S')
        {
            final Prepared prepared = statements.get(name);
            if (prepared == null)
            {
                throw new SqlException("26000", "prepared statement \"" + name + "\" does not exist");
            }
            final ByteBuf out = output.buffer();
            final int at = BackendWriter.begin(out, 't');
            out.writeShort(prepared.parameterOids().length);
            for (final int oid : prepared.parameterOids())
            {
                out.writeInt(oid);
            }
            BackendWriter.end(out, at);
            describeColumns(prepared, null);
        }
        else if (kind == 'P')
        {
            final Portal portal = portals.get(name);
            if (portal == null)
            {
                throw new SqlException("34000", "portal \"" + name + "\" does not exist");
            }
            describeColumns(portal.prepared, portal.binary);
        }
        else
        {
            throw new ProtocolException("invalid Describe kind " + kind);
        }
    }

    private void describeColumns(final Prepared prepared, final boolean[] binary)
    {
        final List<ResultColumn> columns = prepared.statement() == null ? List.of() : prepared.statement().columns();
        if (columns.isEmpty())
        {
            BackendWriter.empty(output.buffer(), 'n');
        }
        else
        {
            output.rowDescription(columns, binary);
        }
    }

    private void execute(final MessageReader reader)
    {
        final String name = reader.cstring();
        final int maxRows = reader.int32();
        final Portal portal = portals.get(name);
        if (portal == null)
        {
            throw new SqlException("34000", "portal \"" + name + "\" does not exist");
        }
        final Prepared prepared = portal.prepared;
        if (prepared.statement() == null)
        {
            if (prepared.sql().isEmpty())
            {
                BackendWriter.empty(output.buffer(), 'I');
                return;
            }
            final String tag = transactionEnd(prepared.sql());
            if (tag != null)
            {
                BackendWriter.commandComplete(output.buffer(), tag);
                return;
            }
            try (SqlResult result = session.execute(prepared.sql()))
            {
                BackendWriter.commandComplete(output.buffer(), result.commandTag());
            }
            afterStatement();
            return;
        }
        if (failedTransactionBlocks(prepared.sql()))
        {
            skipUntilSync = true;
            return;
        }
        final long start = System.nanoTime();
        if (portal.result == null)
        {
            transactionNotice(prepared.sql());
            closeOpenResult();
            portal.result = prepared.statement().execute(portal.parameters);
            openPortal = portal;
        }
        final SqlResult result = portal.result;
        if (result.returnsRows() && output.sendRows(result, result.columns(), portal.binary, maxRows))
        {
            BackendWriter.empty(output.buffer(), 's');
            return;
        }
        final String tag = result.commandTag();
        closeOpenResult();
        portal.result = null;
        BackendWriter.commandComplete(output.buffer(), tag);
        countRollback(tag);
        afterStatement();
        server.metrics().statement(System.nanoTime() - start, false);
    }

    private void close(final MessageReader reader)
    {
        final byte kind = reader.int8();
        final String name = reader.cstring();
        if (kind == 'S')
        {
            final Prepared prepared = statements.remove(name);
            if (prepared != null && prepared.statement() != null)
            {
                prepared.statement().close();
            }
        }
        else if (kind == 'P')
        {
            closePortal(name);
        }
        else
        {
            throw new ProtocolException("invalid Close kind " + kind);
        }
        BackendWriter.empty(output.buffer(), '3');
    }

    private ServerStatement intercept(final String sql)
    {
        final ServerStatement local = commands.intercept(sql);
        return local != null ? local : catalog.intercept(sql);
    }

    private boolean failedTransactionBlocks(final String sql)
    {
        if (failedTransaction && !endsTransaction(sql))
        {
            BackendWriter.notice(output.buffer(), 'E', "ERROR", SqlState.IN_FAILED_SQL_TRANSACTION,
                "current transaction is aborted, commands ignored until end of transaction block", 0);
            return true;
        }
        return false;
    }

    /**
     * Ends a failed transaction block the PostgreSQL way.
     *
     * @return the command tag when the statement ended a failed block, else null.
     */
    private String transactionEnd(final String sql)
    {
        if (!failedTransaction)
        {
            return null;
        }
        if (endsTransaction(sql))
        {
            session.rollback();
            failedTransaction = false;
            return "ROLLBACK";
        }
        return null;
    }

    private void statementFailed(final RuntimeException ex, final int offset)
    {
        final SqlException sqlException;
        if (ex instanceof SqlException e)
        {
            sqlException = e;
        }
        else
        {
            LOG.warn("statement failed with an internal error", ex);
            sqlException = new SqlException(SqlState.INTERNAL_ERROR, String.valueOf(ex.getMessage()));
        }
        closeOpenResult();
        error(sqlException, offset);
        if (session.inTransaction())
        {
            failedTransaction = true;
        }
    }

    private void error(final SqlException ex, final int offset)
    {
        BackendWriter.notice(output.buffer(), 'E', "ERROR", ex.sqlState(), ex.getMessage(),
            ex.position() > 0 ? ex.position() + offset : 0);
    }

    private void countRollback(final String tag)
    {
        if ("ROLLBACK".equals(tag))
        {
            server.metrics().rollback();
        }
    }

    private void afterStatement()
    {
        if (!session.inTransaction())
        {
            failedTransaction = false;
        }
    }

    private void closePortal(final String name)
    {
        final Portal portal = portals.remove(name);
        if (portal != null && portal == openPortal)
        {
            closeOpenResult();
        }
    }

    private void closeOpenResult()
    {
        if (openPortal != null)
        {
            final SqlResult result = openPortal.result;
            openPortal.result = null;
            openPortal = null;
            if (result != null)
            {
                result.close();
            }
        }
    }

    private void readyForQuery()
    {
        final char status = failedTransaction ? 'E' : session != null && session.inTransaction() ? 'T' : 'I';
        BackendWriter.readyForQuery(output.buffer(), status);
        output.flush();
    }

    private void fatal(final String sqlState, final String message)
    {
        if (channel.isActive())
        {
            BackendWriter.notice(output.buffer(), 'E', "FATAL", sqlState, message, 0);
            output.flush();
        }
        closing = true;
    }

    private void cleanUp()
    {
        try
        {
            closeOpenResult();
            for (final Prepared prepared : statements.values())
            {
                if (prepared.statement() != null)
                {
                    prepared.statement().close();
                }
            }
            statements.clear();
            portals.clear();
            final SqlSession current = session;
            if (current != null)
            {
                current.close();
            }
        }
        catch (final RuntimeException ex)
        {
            LOG.warn("error while closing connection {}", channel.remoteAddress(), ex);
        }
        finally
        {
            if (processId != 0)
            {
                server.cancels().unregister(processId);
            }
            output.release();
            channel.close();
            server.connectionEnded(this);
        }
    }

    /**
     * PostgreSQL's warnings for transaction commands that do nothing: COMMIT or ROLLBACK outside a transaction
     * (25P01), BEGIN inside one (25001).
     */
    private void transactionNotice(final String sql)
    {
        final String word = firstWord(sql);
        final boolean open = session.inTransaction();
        if (!open && ("COMMIT".equals(word) || "ROLLBACK".equals(word) || "END".equals(word) || "ABORT".equals(word)))
        {
            BackendWriter.notice(output.buffer(), 'N', "WARNING", "25P01", "there is no transaction in progress", 0);
        }
        else if (open && ("BEGIN".equals(word) || "START".equals(word)))
        {
            BackendWriter.notice(output.buffer(), 'N', "WARNING", "25001", "there is already a transaction in progress", 0);
        }
    }

    private static boolean endsTransaction(final String sql)
    {
        final String word = firstWord(sql);
        return "COMMIT".equals(word) || "END".equals(word) || "ROLLBACK".equals(word) || "ABORT".equals(word);
    }

    private static String firstWord(final String sql)
    {
        int end = 0;
        while (end < sql.length() && Character.isLetter(sql.charAt(end)))
        {
            end++;
        }
        return sql.substring(0, end).toUpperCase(Locale.ROOT);
    }

    /**
     * Drops leading blanks and SQL comments and trailing blanks and semicolons.
     */
    static String trim(final String sql)
    {
        int start = 0;
        int end = sql.length();
        while (true)
        {
            while (start < end && Character.isWhitespace(sql.charAt(start)))
            {
                start++;
            }
            if (sql.startsWith("--", start))
            {
                final int newline = sql.indexOf('\n', start);
                start = newline < 0 ? end : newline + 1;
            }
            else if (sql.startsWith("/*", start))
            {
                final int close = sql.indexOf("*/", start + 2);
                start = close < 0 ? end : close + 2;
            }
            else
            {
                break;
            }
        }
        while (end > start && (Character.isWhitespace(sql.charAt(end - 1)) || sql.charAt(end - 1) == ';'))
        {
            end--;
        }
        return sql.substring(start, end);
    }
}
