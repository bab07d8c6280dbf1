package io.phantomdb.perf.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The benchmark's schema and data, the same for every store:
 * <pre>
 *   kv        (id key PRIMARY KEY, name VARCHAR(32), amount BIGINT)        ROWS rows, id 0..ROWS-1
 *   customers (id key PRIMARY KEY, name VARCHAR(32), city VARCHAR(32))     CUSTOMERS rows
 *   orders    (id key PRIMARY KEY, customer_id BIGINT, amount BIGINT)      ORDERS_PER_CUSTOMER per customer,
 *             index orders_customer ON orders (customer_id)                customers interleaved
 * </pre>
 * Rows are loaded with batched INSERTs of {@value #BATCH} rows in one transaction per table.
 * <p>
 * <b>Note:</b> stateless, safe from any thread.
 */
public final class SqlBenchData
{
    /** Rows of {@code kv}. */
    public static final int ROWS = 100_000;
    /** Rows a range SELECT returns. */
    public static final int RANGE = 100;
    /** Rows of {@code customers}. */
    public static final int CUSTOMERS = 10_000;
    /** Orders per customer: the rows a join returns. */
    public static final int ORDERS_PER_CUSTOMER = 10;
    /** Rows per executeBatch when loading. */
    public static final int BATCH = 1_000;

    /** The point query: one {@code kv} row by key. */
    public static final String POINT_SELECT = "SELECT id, name, amount FROM kv WHERE id = ?";
    /** The range query: {@code kv} rows with keys in [?, ?). */
    public static final String RANGE_SELECT = "SELECT id, name, amount FROM kv WHERE id >= ? AND id < ?";
    /** The join: a customer's orders with the customer's name; columns order id, amount, name. */
    public static final String JOIN = "SELECT o.id, o.amount, c.name FROM orders o " +
        "JOIN customers c ON c.id = o.customer_id WHERE o.customer_id = ?";

    private SqlBenchData()
    {
    }

    /**
     * Creates a {@code kv}-shaped table.
     *
     * @param connection the connection.
     * @param store      the store, for its key type.
     * @param table      the table name.
     * @throws SQLException if the DDL fails.
     */
    public static void createKv(final Connection connection, final String store, final String table) throws SQLException
    {
        execute(connection, "CREATE TABLE " + table + " (id " + SqlStores.keyType(store) +
            " PRIMARY KEY, name VARCHAR(32) NOT NULL, amount BIGINT NOT NULL)");
    }

    /**
     * Creates and fills {@code kv}.
     *
     * @param connection the connection, in autocommit mode.
     * @param store      the store.
     * @throws SQLException if loading fails.
     */
    public static void loadKv(final Connection connection, final String store) throws SQLException
    {
        loadKv(connection, store, ROWS);
    }

    /**
     * Creates {@code kv} and fills it with {@code rows} rows.
     *
     * @param connection the connection, in autocommit mode.
     * @param store      the store.
     * @param rows       how many rows, ids 0 to rows - 1.
     * @throws SQLException if loading fails.
     */
    public static void loadKv(final Connection connection, final String store, final int rows) throws SQLException
    {
        createKv(connection, store, "kv");
        insertKv(connection, "kv", 0, rows);
    }

    /**
     * Inserts rows {@code first..first+count-1} into a {@code kv}-shaped table with batches in one transaction.
     *
     * @param connection the connection, in autocommit mode (restored afterwards).
     * @param table      the table.
     * @param first      the first id.
     * @param count      how many rows.
     * @throws SQLException if an insert fails.
     */
    public static void insertKv(final Connection connection, final String table, final long first, final int count)
        throws SQLException
    {
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement(
            "INSERT INTO " + table + " (id, name, amount) VALUES (?, ?, ?)"))
        {
            for (int i = 0; i < count; i++)
            {
                final long id = first + i;
                insert.setLong(1, id);
                insert.setString(2, "name-" + id);
                insert.setLong(3, id * 7);
                insert.addBatch();
                if ((i + 1) % BATCH == 0 || i == count - 1)
                {
                    insert.executeBatch();
                }
            }
            connection.commit();
        }
        finally
        {
            connection.setAutoCommit(true);
        }
    }

    /**
     * Creates and fills {@code customers} and {@code orders} and indexes {@code orders.customer_id}.
     *
     * @param connection the connection, in autocommit mode.
     * @param store      the store.
     * @throws SQLException if loading fails.
     */
    public static void loadOrders(final Connection connection, final String store) throws SQLException
    {
        loadOrders(connection, store, CUSTOMERS);
    }

    /**
     * Creates and fills {@code customers} and {@code orders} ({@value #ORDERS_PER_CUSTOMER} per customer) and
     * indexes {@code orders.customer_id}.
     *
     * @param connection the connection, in autocommit mode.
     * @param store      the store.
     * @param customers  how many customers.
     * @throws SQLException if loading fails.
     */
    public static void loadOrders(final Connection connection, final String store, final int customers) throws SQLException
    {
        final String key = SqlStores.keyType(store);
        execute(connection, "CREATE TABLE customers (id " + key + " PRIMARY KEY, name VARCHAR(32) NOT NULL, " +
            "city VARCHAR(32) NOT NULL)");
        execute(connection, "CREATE TABLE orders (id " + key + " PRIMARY KEY, customer_id BIGINT NOT NULL, " +
            "amount BIGINT NOT NULL)");
        execute(connection, "CREATE INDEX orders_customer ON orders (customer_id)");
        connection.setAutoCommit(false);
        try (PreparedStatement customer = connection.prepareStatement("INSERT INTO customers (id, name, city) VALUES (?, ?, ?)");
            PreparedStatement order = connection.prepareStatement("INSERT INTO orders (id, customer_id, amount) VALUES (?, ?, ?)"))
        {
            for (int c = 0; c < customers; c++)
            {
                customer.setLong(1, c);
                customer.setString(2, "customer-" + c);
                customer.setString(3, "city-" + (c % 100));
                customer.addBatch();
                if ((c + 1) % BATCH == 0)
                {
                    customer.executeBatch();
                }
            }
            customer.executeBatch();
            final int orders = customers * ORDERS_PER_CUSTOMER;
            for (int o = 0; o < orders; o++)
            {
                order.setLong(1, o);
                order.setLong(2, o % customers);
                order.setLong(3, o * 3L);
                order.addBatch();
                if ((o + 1) % BATCH == 0)
                {
                    order.executeBatch();
                }
            }
            order.executeBatch();
            connection.commit();
        }
        finally
        {
            connection.setAutoCommit(true);
        }
    }

    /**
     * @param connection the connection.
     * @param sql        a statement without results.
     * @throws SQLException if it fails.
     */
    public static void execute(final Connection connection, final String sql) throws SQLException
    {
        try (Statement statement = connection.createStatement())
        {
            statement.execute(sql);
        }
    }
}
