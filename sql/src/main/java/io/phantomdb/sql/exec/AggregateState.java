package io.phantomdb.sql.exec;

/**
 * The running state of one aggregate for one group. The executor feeds it only non-NULL arguments
 * (COUNT(*) gets a non-NULL marker per row), already de-duplicated for DISTINCT aggregates.
 * <p>
 * <b>Note:</b> confined to the statement's thread.
 */
public interface AggregateState
{
    /**
     * @param value a non-NULL argument value.
     */
    void add(Object value);

    /**
     * @return the aggregate's value for the values added so far (for no values: NULL, or 0 for COUNT).
     */
    Object result();
}
