package io.phantomdb.replication.sql;

import io.phantomdb.replication.MessageDescriptor;
import org.agrona.BitUtil;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static io.phantomdb.replication.MessageDescriptor.*;

/**
 * The SQL transaction request ({@link MessageDescriptor#TYPE_SQL}) and its answers. After the common request header
 * (readCount = statement count, writeCount = 0):
 * <pre>
 * [long timestamp epoch second (UTC)][int timestamp nano][long random seed]   the pinned context of the transaction
 * statementCount x [int sqlLength][sql utf8][byte validated][long digest][int parameterCount][parameters]
 * </pre>
 * Parameters as {@link ParameterCodec} writes them. Answers use the common response header with status COMMITTED,
 * CONFLICT (one entry: [int statement index] of the first result that differed) or REJECTED (one entry:
 * [int length][utf8 reason]).
 * <p>
 * <b>Note:</b> stateless; thread safe.
 */
public final class SqlMessage
{
    private static final int CONTEXT_LENGTH = BitUtil.SIZE_OF_LONG + BitUtil.SIZE_OF_INT + BitUtil.SIZE_OF_LONG;

    private SqlMessage()
    {
    }

    /**
     * The decoded request.
     *
     * @param timestamp  the pinned time.
     * @param seed       the pinned random seed.
     * @param statements the statements, in order.
     */
    record Request(LocalDateTime timestamp, long seed, List<RecordedStatement> statements)
    {
    }

    /**
     * Encode a request from offset 0.
     *
     * @param buffer     the buffer (it grows).
     * @param timestamp  the pinned time.
     * @param seed       the pinned random seed.
     * @param statements the statements.
     * @return the request length.
     */
    static int encode(
        final ExpandableArrayBuffer buffer, final LocalDateTime timestamp, final long seed,
        final List<RecordedStatement> statements)
    {
        buffer.putInt(TYPE_OFFSET, TYPE_SQL);
        buffer.putInt(VERSION_OFFSET, VERSION);
        buffer.putLong(CLIENT_ID_OFFSET, 0);
        buffer.putLong(SEQUENCE_OFFSET, 0);
        buffer.putInt(READ_COUNT_OFFSET, statements.size());
        buffer.putInt(WRITE_COUNT_OFFSET, 0);
        int at = REQUEST_HEADER_LENGTH;
        buffer.putLong(at, timestamp.toEpochSecond(ZoneOffset.UTC));
        buffer.putInt(at + BitUtil.SIZE_OF_LONG, timestamp.getNano());
        buffer.putLong(at + BitUtil.SIZE_OF_LONG + BitUtil.SIZE_OF_INT, seed);
        at += CONTEXT_LENGTH;
        for (final RecordedStatement statement : statements)
        {
            final byte[] sql = statement.sql().getBytes(StandardCharsets.UTF_8);
            buffer.putInt(at, sql.length);
            buffer.putBytes(at + BitUtil.SIZE_OF_INT, sql);
            at += BitUtil.SIZE_OF_INT + sql.length;
            buffer.putByte(at, (byte)(statement.validated() ? 1 : 0));
            buffer.putLong(at + 1, statement.digest());
            buffer.putInt(at + 1 + BitUtil.SIZE_OF_LONG, statement.parameters().length);
            at += 1 + BitUtil.SIZE_OF_LONG + BitUtil.SIZE_OF_INT;
            for (final Object parameter : statement.parameters())
            {
                at = ParameterCodec.encode(buffer, at, parameter);
            }
        }
        return at;
    }

    /**
     * @param buffer the message.
     * @param offset its offset.
     * @param length its length.
     * @return the request.
     * @throws IllegalArgumentException if it is not a well-formed SQL request of this format version.
     */
    static Request decode(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < REQUEST_HEADER_LENGTH + CONTEXT_LENGTH || TYPE_SQL != buffer.getInt(offset + TYPE_OFFSET) ||
            VERSION != buffer.getInt(offset + VERSION_OFFSET))
        {
            throw new IllegalArgumentException("not a SQL request of format " + VERSION + " (length " + length + ")");
        }
        final int count = buffer.getInt(offset + READ_COUNT_OFFSET);
        final int end = offset + length;
        int at = offset + REQUEST_HEADER_LENGTH;
        final LocalDateTime timestamp = LocalDateTime.ofEpochSecond(
            buffer.getLong(at), buffer.getInt(at + BitUtil.SIZE_OF_LONG), ZoneOffset.UTC);
        final long seed = buffer.getLong(at + BitUtil.SIZE_OF_LONG + BitUtil.SIZE_OF_INT);
        at += CONTEXT_LENGTH;
        if (count < 1 || count > length)
        {
            throw new IllegalArgumentException("statement count " + count + " out of range");
        }
        final List<RecordedStatement> statements = new ArrayList<>(count);
        final int[] next = new int[1];
        for (int i = 0; i < count; i++)
        {
            final int sqlLength = buffer.getInt(at);
            if (sqlLength < 0 || sqlLength > end - at)
            {
                throw new IllegalArgumentException("statement " + i + ": text length " + sqlLength + " out of range");
            }
            final String sql = buffer.getStringWithoutLengthUtf8(at + BitUtil.SIZE_OF_INT, sqlLength);
            at += BitUtil.SIZE_OF_INT + sqlLength;
            final boolean validated = 0 != buffer.getByte(at);
            final long digest = buffer.getLong(at + 1);
            final int parameterCount = buffer.getInt(at + 1 + BitUtil.SIZE_OF_LONG);
            at += 1 + BitUtil.SIZE_OF_LONG + BitUtil.SIZE_OF_INT;
            if (parameterCount < 0 || parameterCount > end - at)
            {
                throw new IllegalArgumentException("statement " + i + ": parameter count " + parameterCount);
            }
            final Object[] parameters = new Object[parameterCount];
            for (int p = 0; p < parameterCount; p++)
            {
                parameters[p] = ParameterCodec.decode(buffer, at, next);
                at = next[0];
            }
            statements.add(new RecordedStatement(sql, parameters, validated, digest));
        }
        if (at != end)
        {
            throw new IllegalArgumentException("request has " + (end - at) + " bytes after its last statement");
        }
        return new Request(timestamp, seed, statements);
    }

    /**
     * Encode an answer header (and its entry) from offset 0.
     *
     * @param response the buffer.
     * @param status   the status.
     * @param clientId the client.
     * @param sequence the request's sequence.
     * @param position the log position.
     * @param index    the differing statement (CONFLICT), else ignored.
     * @param reason   the reason (REJECTED), else ignored.
     * @return the answer's length.
     */
    static int answer(
        final MutableDirectBuffer response, final int status, final long clientId, final long sequence,
        final long position, final int index, final String reason)
    {
        response.putInt(TYPE_OFFSET, TYPE_RESPONSE);
        response.putInt(STATUS_OFFSET, status);
        response.putLong(CLIENT_ID_OFFSET, clientId);
        response.putLong(SEQUENCE_OFFSET, sequence);
        response.putLong(POSITION_OFFSET, position);
        if (STATUS_CONFLICT == status)
        {
            response.putInt(COUNT_OFFSET, 1);
            response.putInt(RESPONSE_HEADER_LENGTH, index);
            return RESPONSE_HEADER_LENGTH + BitUtil.SIZE_OF_INT;
        }
        if (STATUS_REJECTED == status)
        {
            response.putInt(COUNT_OFFSET, 1);
            return RESPONSE_HEADER_LENGTH + response.putStringUtf8(RESPONSE_HEADER_LENGTH, reason);
        }
        response.putInt(COUNT_OFFSET, 0);
        return RESPONSE_HEADER_LENGTH;
    }

    /**
     * @param response a CONFLICT answer.
     * @return the index of the first statement whose result differed, -1 if the answer carries none.
     */
    static int conflictIndex(final DirectBuffer response)
    {
        return response.capacity() >= RESPONSE_HEADER_LENGTH + BitUtil.SIZE_OF_INT && 1 == response.getInt(COUNT_OFFSET) ?
            response.getInt(RESPONSE_HEADER_LENGTH) : -1;
    }

    /**
     * @param response a REJECTED answer.
     * @return its reason, or a generic one if it carries none.
     */
    static String rejectReason(final DirectBuffer response)
    {
        return response.capacity() > RESPONSE_HEADER_LENGTH + BitUtil.SIZE_OF_INT &&
            1 == response.getInt(COUNT_OFFSET) ? response.getStringUtf8(RESPONSE_HEADER_LENGTH) :
            "the cluster refused the request";
    }
}
