package io.phantomdb.core.catalog;

import io.phantomdb.PhantomException;

/**
 * A DDL or name lookup that the catalog refuses: an unknown or duplicate table, index or column, or a
 * change the catalog does not allow. Carries the SQLSTATE the SQL layer and the wire protocol report.
 * <p>
 * <b>Note:</b> immutable, safe to share between threads.
 */
public class CatalogException extends PhantomException
{
    /** {@code undefined_table}: no such table. */
    public static final String UNDEFINED_TABLE = "42P01";
    /** {@code undefined_column}: no such column. */
    public static final String UNDEFINED_COLUMN = "42703";
    /** {@code undefined_object}: no such index. */
    public static final String UNDEFINED_OBJECT = "42704";
    /** {@code duplicate_table}: a table or index of that name exists (they share one namespace). */
    public static final String DUPLICATE_TABLE = "42P07";
    /** {@code duplicate_column}: a column of that name exists. */
    public static final String DUPLICATE_COLUMN = "42701";
    /** {@code dependent_objects_still_exist}: an index or the primary key uses the column. */
    public static final String DEPENDENT_OBJECTS = "2BP01";
    /** {@code invalid_table_definition}: the definition breaks a rule of the catalog. */
    public static final String INVALID_DEFINITION = "42P16";
    /** {@code feature_not_supported}: for example a storage type this engine build does not have. */
    public static final String FEATURE_NOT_SUPPORTED = "0A000";
    /** {@code program_limit_exceeded}: no ids left. */
    public static final String PROGRAM_LIMIT = "54000";

    private static final long serialVersionUID = 1L;

    private final String sqlState;

    /**
     * @param sqlState the five-character SQLSTATE.
     * @param message  what was refused, naming the objects.
     */
    public CatalogException(final String sqlState, final String message)
    {
        super(message);
        this.sqlState = sqlState;
    }

    /**
     * @return the SQLSTATE, one of the constants of this class.
     */
    public String sqlState()
    {
        return sqlState;
    }
}
