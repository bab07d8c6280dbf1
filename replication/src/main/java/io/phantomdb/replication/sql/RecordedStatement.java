package io.phantomdb.replication.sql;

/**
 * One statement of a replicated transaction as the client's member ran it: the text, the parameters, whether the
 * cluster must reproduce its result, and the digest of the result the client saw.
 *
 * @param sql        the statement text.
 * @param parameters its parameter values (the session contract's value classes).
 * @param validated  true if the cluster's run must give the same {@link ResultDigest}.
 * @param digest     the digest of the result (or error) the client saw.
 */
record RecordedStatement(String sql, Object[] parameters, boolean validated, long digest)
{
}
