package io.phantomdb.sql;

/**
 * The PostgreSQL SQLSTATE codes the SQL layer reports, so clients and drivers recognise them.
 */
public final class SqlState
{
    /** Successful completion. */
    public static final String SUCCESSFUL_COMPLETION = "00000";
    /** A statement uses a feature PhantomDB does not have. */
    public static final String FEATURE_NOT_SUPPORTED = "0A000";
    /** A scalar subquery returned more than one row. */
    public static final String CARDINALITY_VIOLATION = "21000";
    /** Division by zero. */
    public static final String DIVISION_BY_ZERO = "22012";
    /** A value is out of range for its type. */
    public static final String NUMERIC_VALUE_OUT_OF_RANGE = "22003";
    /** A string is too long for its column. */
    public static final String STRING_DATA_RIGHT_TRUNCATION = "22001";
    /** A text value cannot be read as the requested type. */
    public static final String INVALID_TEXT_REPRESENTATION = "22P02";
    /** A date/time value is malformed or out of range. */
    public static final String INVALID_DATETIME_FORMAT = "22007";
    /** Malformed JSON text. */
    public static final String INVALID_JSON_TEXT = "22P02";
    /** A function got an argument it cannot work with. */
    public static final String INVALID_PARAMETER_VALUE = "22023";
    /** NOT NULL violated. */
    public static final String NOT_NULL_VIOLATION = "23502";
    /** UNIQUE or PRIMARY KEY violated. */
    public static final String UNIQUE_VIOLATION = "23505";
    /** CHECK violated. */
    public static final String CHECK_VIOLATION = "23514";
    /** The command is not valid in the transaction's current state. */
    public static final String INVALID_TRANSACTION_STATE = "25000";
    /** A read-only transaction tried to write. */
    public static final String READ_ONLY_SQL_TRANSACTION = "25006";
    /** The transaction has been aborted; commands ignored until ROLLBACK. */
    public static final String IN_FAILED_SQL_TRANSACTION = "25P02";
    /** The transaction lost a write-write or serialization conflict: retry it. */
    public static final String SERIALIZATION_FAILURE = "40001";
    /** Syntax error. */
    public static final String SYNTAX_ERROR = "42601";
    /** Unknown column. */
    public static final String UNDEFINED_COLUMN = "42703";
    /** Unknown table or view. */
    public static final String UNDEFINED_TABLE = "42P01";
    /** Unknown function, or no overload fits the argument types. */
    public static final String UNDEFINED_FUNCTION = "42883";
    /** Unknown index or other object. */
    public static final String UNDEFINED_OBJECT = "42704";
    /** A name is used twice (table, index, view). */
    public static final String DUPLICATE_TABLE = "42P07";
    /** A column name is used twice. */
    public static final String DUPLICATE_COLUMN = "42701";
    /** A name matches more than one column. */
    public static final String AMBIGUOUS_COLUMN = "42702";
    /** An expression's type does not fit where it is used. */
    public static final String DATATYPE_MISMATCH = "42804";
    /** An operator or cast does not exist for the operand types. */
    public static final String UNDEFINED_OPERATOR = "42883";
    /** An ungrouped column is used outside an aggregate, or similar grouping errors. */
    public static final String GROUPING_ERROR = "42803";
    /** The statement is invalid in a way not covered by a more specific code. */
    public static final String INVALID_OBJECT_DEFINITION = "42P17";
    /** A wrong number of parameters or similar protocol-level statement misuse. */
    public static final String PROTOCOL_VIOLATION = "08P01";
    /** The statement was cancelled by request. */
    public static final String QUERY_CANCELED = "57014";
    /** The database was closed under the session. */
    public static final String ADMIN_SHUTDOWN = "57P01";
    /** An internal error: a bug; the message says what failed. */
    public static final String INTERNAL_ERROR = "XX000";
    /** A file failed its checksum or structure check. */
    public static final String DATA_CORRUPTED = "XX001";
    /** The disk is full. */
    public static final String DISK_FULL = "53100";

    private SqlState()
    {
    }
}
