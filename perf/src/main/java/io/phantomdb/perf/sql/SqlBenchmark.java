package io.phantomdb.perf.sql;

import io.phantomdb.perf.ScratchDirectory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Prepared statements through JDBC, one connection, one thread, operations per second:
 * <ul>
 *   <li>{@link #pointSelect}: {@code SELECT ... FROM kv WHERE id = ?}, a random key of {@value SqlBenchData#ROWS};</li>
 *   <li>{@link #rangeSelect}: {@code SELECT ... FROM kv WHERE id >= ? AND id < ?}, {@value SqlBenchData#RANGE}
 *       rows from a random start;</li>
 *   <li>{@link #join}: the {@value SqlBenchData#ORDERS_PER_CUSTOMER} orders of a random customer joined with
 *       the customer, through the index on {@code orders.customer_id};</li>
 *   <li>{@link #insert}: one row per INSERT in autocommit, ids ascending.</li>
 * </ul>
 * Each trial loads only the tables its benchmark reads ({@link SqlBenchData}) into a fresh directory.
 * <p>
 * <b>Note:</b> JMH state; one benchmark thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SqlBenchmark
{
    /** The store ({@link SqlStores}). */
    @Param({ SqlStores.PHANTOMDB_FILE, SqlStores.PHANTOMDB_MEM, SqlStores.H2, SqlStores.SQLITE })
    public String store;

    private final SplittableRandom random = new SplittableRandom(0x5eed);
    private Path dir;
    private Connection connection;
    private PreparedStatement statement;
    private long nextId;

    /**
     * Opens the store and loads what the benchmark reads.
     *
     * @param params the benchmark being run.
     * @throws SQLException if the store cannot open or load.
     */
    @Setup
    public void setUp(final BenchmarkParams params) throws SQLException
    {
        dir = ScratchDirectory.create("sql-" + store);
        connection = SqlStores.open(store, dir);
        final String benchmark = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        switch (benchmark)
        {
            case "pointSelect":
                SqlBenchData.loadKv(connection, store);
                statement = connection.prepareStatement(SqlBenchData.POINT_SELECT);
                break;
            case "rangeSelect":
                SqlBenchData.loadKv(connection, store);
                statement = connection.prepareStatement(SqlBenchData.RANGE_SELECT);
                break;
            case "join":
                SqlBenchData.loadOrders(connection, store);
                statement = connection.prepareStatement(SqlBenchData.JOIN);
                break;
            case "insert":
                SqlBenchData.createKv(connection, store, "ins");
                statement = connection.prepareStatement("INSERT INTO ins (id, name, amount) VALUES (?, ?, ?)");
                break;
            default:
                throw new IllegalStateException("no set-up for benchmark " + benchmark);
        }
    }

    /**
     * Closes the store and deletes its files.
     *
     * @throws SQLException if closing fails.
     */
    @TearDown
    public void tearDown() throws SQLException
    {
        try
        {
            statement.close();
            connection.close();
        }
        finally
        {
            ScratchDirectory.delete(dir);
        }
    }

    /**
     * @return the row's amount.
     * @throws SQLException if the query fails or finds no row.
     */
    @Benchmark
    public long pointSelect() throws SQLException
    {
        statement.setLong(1, random.nextInt(SqlBenchData.ROWS));
        try (ResultSet rs = statement.executeQuery())
        {
            if (!rs.next())
            {
                throw new IllegalStateException(store + ": point SELECT found no row");
            }
            return rs.getLong(3) + rs.getString(2).length();
        }
    }

    /**
     * @return the sum of the amounts.
     * @throws SQLException if the query fails or returns the wrong number of rows.
     */
    @Benchmark
    public long rangeSelect() throws SQLException
    {
        final long start = random.nextInt(SqlBenchData.ROWS - SqlBenchData.RANGE);
        statement.setLong(1, start);
        statement.setLong(2, start + SqlBenchData.RANGE);
        return sum(SqlBenchData.RANGE, 3);
    }

    /**
     * @return the sum of the amounts.
     * @throws SQLException if the query fails or returns the wrong number of rows.
     */
    @Benchmark
    public long join() throws SQLException
    {
        statement.setLong(1, random.nextInt(SqlBenchData.CUSTOMERS));
        return sum(SqlBenchData.ORDERS_PER_CUSTOMER, 2);
    }

    /**
     * @return the update count.
     * @throws SQLException if the insert fails.
     */
    @Benchmark
    public int insert() throws SQLException
    {
        final long id = nextId++;
        statement.setLong(1, id);
        statement.setString(2, "name-" + id);
        statement.setLong(3, id * 7);
        return statement.executeUpdate();
    }

    private long sum(final int expectedRows, final int column) throws SQLException
    {
        long sum = 0;
        int rows = 0;
        try (ResultSet rs = statement.executeQuery())
        {
            while (rs.next())
            {
                sum += rs.getLong(column);
                rows++;
            }
        }
        if (rows != expectedRows)
        {
            throw new IllegalStateException(store + ": expected " + expectedRows + " rows, got " + rows);
        }
        return sum;
    }
}
