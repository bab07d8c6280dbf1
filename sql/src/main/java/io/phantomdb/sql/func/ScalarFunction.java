package io.phantomdb.sql.func;

import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.sql.SqlException;

/**
 * A scalar function resolved for particular argument types by {@link FunctionRegistry#resolve}.
 * <p>
 * {@link #invoke(Object[])} takes the argument values in the Java classes of the argument types given to
 * {@code resolve} (the executor need not cast them; an argument of unknown type may be null or a String,
 * read as a literal). Strict functions return null when any argument is null; {@code coalesce},
 * {@code concat}, {@code concat_ws} (except its separator), {@code greatest}, {@code least},
 * {@code nullif} and the JSON constructors are not strict.
 * <p>
 * <b>Note:</b> immutable; safe to call from any thread; {@code invoke} does not keep the args array, so the
 * caller may reuse it.
 */
public interface ScalarFunction
{
    /**
     * @return the function's name, lower case.
     */
    String name();

    /**
     * @return the type of the values {@link #invoke} returns.
     */
    ColumnType returnType();

    /**
     * @return false for functions whose result may change between calls with the same arguments
     * ({@code random()}, {@code now()}, {@code clock_timestamp()}...): constant folding must skip them.
     */
    boolean deterministic();

    /**
     * @param args the argument values, not kept after the call.
     * @return the result, of {@link #returnType()}'s Java class, or null.
     * @throws SqlException with the SQLSTATE PostgreSQL gives for bad arguments.
     */
    Object invoke(Object[] args);
}
