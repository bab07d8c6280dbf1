package io.phantomdb.perf.sql;

import io.phantomdb.perf.ScratchDirectory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

/**
 * One operation inserts {@value SqlBenchData#ROWS} rows into an empty table with a prepared INSERT,
 * addBatch/executeBatch every {@value SqlBenchData#BATCH} rows, in one transaction. Single-shot: each
 * invocation gets a new table (created before it, outside the measured time).
 * <p>
 * <b>Note:</b> JMH state; one benchmark thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SqlBatchInsertBenchmark
{
    /** The store ({@link SqlStores}). */
    @Param({ SqlStores.PHANTOMDB_FILE, SqlStores.PHANTOMDB_MEM, SqlStores.H2, SqlStores.SQLITE })
    public String store;

    private Path dir;
    private Connection connection;
    private int table;

    /**
     * Opens the store.
     *
     * @throws SQLException if it cannot open.
     */
    @Setup(Level.Trial)
    public void open() throws SQLException
    {
        dir = ScratchDirectory.create("sql-batch-" + store);
        connection = SqlStores.open(store, dir);
    }

    /**
     * Creates the next empty table.
     *
     * @throws SQLException if the DDL fails.
     */
    @Setup(Level.Invocation)
    public void newTable() throws SQLException
    {
        table++;
        SqlBenchData.createKv(connection, store, "batch" + table);
    }

    /**
     * Closes the store and deletes its files.
     *
     * @throws SQLException if closing fails.
     */
    @TearDown(Level.Trial)
    public void close() throws SQLException
    {
        try
        {
            connection.close();
        }
        finally
        {
            ScratchDirectory.delete(dir);
        }
    }

    /**
     * @return the table filled.
     * @throws SQLException if an insert fails.
     */
    @Benchmark
    public int batchInsert() throws SQLException
    {
        SqlBenchData.insertKv(connection, "batch" + table, 0, SqlBenchData.ROWS);
        return table;
    }
}
