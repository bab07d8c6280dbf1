package io.phantomdb.sql.jdbc;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DatabaseMetaData over a real schema.
 */
class DatabaseMetaDataTest
{
    @Test
    void shouldListTablesColumnsKeysAndIndexesWhenSchemaHasThem() throws SQLException
    {
        try (Connection conn = DriverManager.getConnection("jdbc:phantomdb:mem:meta"); Statement stat = conn.createStatement())
        {
            stat.execute("CREATE TABLE customers(id BIGINT PRIMARY KEY, name VARCHAR(40) NOT NULL, city TEXT DEFAULT 'x')");
            stat.execute("CREATE TABLE orders(id BIGINT PRIMARY KEY, customer_id BIGINT, amount NUMERIC(10,2))");
            stat.execute("CREATE INDEX orders_customer ON orders (customer_id)");
            stat.execute("CREATE VIEW big_orders AS SELECT id, amount FROM orders WHERE amount > 100");
            final DatabaseMetaData meta = conn.getMetaData();

            assertEquals(List.of("big_orders"), column(meta.getTables(null, null, "%", new String[] { "VIEW" }), "TABLE_NAME"));
            assertEquals(List.of("id", "amount"), column(meta.getColumns(null, null, "big\\_orders", null), "COLUMN_NAME"));
            assertEquals(List.of("id"), column(meta.getBestRowIdentifier(null, null, "orders", 0, false), "COLUMN_NAME"));

            assertEquals(List.of("customers", "orders"), column(meta.getTables(null, "public", "%", new String[] { "TABLE" }), "TABLE_NAME"));
            assertEquals(List.of("orders"), column(meta.getTables(null, null, "ord_rs", null), "TABLE_NAME"));
            assertEquals(List.of(), column(meta.getTables(null, "other", "%", null), "TABLE_NAME"));

            try (ResultSet rs = meta.getColumns(null, "public", "customers", "%"))
            {
                assertTrue(rs.next());
                assertEquals("id", rs.getString("COLUMN_NAME"));
                assertEquals(Types.BIGINT, rs.getInt("DATA_TYPE"));
                assertEquals("NO", rs.getString("IS_NULLABLE"));
                assertTrue(rs.next());
                assertEquals("name", rs.getString("COLUMN_NAME"));
                assertEquals(40, rs.getInt("COLUMN_SIZE"));
                assertEquals(DatabaseMetaData.columnNoNulls, rs.getInt("NULLABLE"));
                assertTrue(rs.next());
                assertEquals("city", rs.getString("COLUMN_NAME"));
                assertEquals(3, rs.getInt("ORDINAL_POSITION"));
                assertTrue(rs.getString("COLUMN_DEF").contains("x"), rs.getString("COLUMN_DEF"));
                assertFalse(rs.next());
            }
            try (ResultSet rs = meta.getPrimaryKeys(null, null, "orders"))
            {
                assertTrue(rs.next());
                assertEquals("id", rs.getString("COLUMN_NAME"));
                assertEquals(1, rs.getShort("KEY_SEQ"));
                assertFalse(rs.next());
            }
            final List<String> indexes = new ArrayList<>();
            try (ResultSet rs = meta.getIndexInfo(null, null, "orders", false, true))
            {
                while (rs.next())
                {
                    indexes.add(rs.getString("INDEX_NAME") + ":" + rs.getString("COLUMN_NAME") + ":" + rs.getBoolean("NON_UNIQUE"));
                }
            }
            assertTrue(indexes.contains("orders_customer:customer_id:true"), indexes.toString());
            assertEquals(List.of("public"), column(meta.getSchemas(), "TABLE_SCHEM"));
            assertEquals(List.of("meta"), column(meta.getCatalogs(), "TABLE_CAT"));
            assertEquals(List.of("TABLE", "VIEW"), column(meta.getTableTypes(), "TABLE_TYPE"));
            assertTrue(column(meta.getTypeInfo(), "TYPE_NAME").contains("int8"));
            assertEquals("PhantomDB", meta.getDatabaseProductName());
            assertTrue(meta.storesLowerCaseIdentifiers());
            assertTrue(meta.supportsTransactionIsolationLevel(Connection.TRANSACTION_SERIALIZABLE));
            assertFalse(meta.supportsSavepoints());
        }
    }

    private static List<String> column(final ResultSet rs, final String label) throws SQLException
    {
        final List<String> values = new ArrayList<>();
        try (rs)
        {
            while (rs.next())
            {
                values.add(rs.getString(label));
            }
        }
        return values;
    }
}
