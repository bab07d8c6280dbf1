package io.phantomdb.proptest.txn;

/**
 * The isolation levels under test, independent of the engine's enum so that the history checker and the
 * reference driver compile and run on their own.
 */
enum Level
{
    READ_COMMITTED, REPEATABLE_READ, SERIALIZABLE
}
