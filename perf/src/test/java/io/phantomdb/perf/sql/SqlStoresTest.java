package io.phantomdb.perf.sql;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every store runs the benchmark's schema and queries on small data with the expected answers.
 */
class SqlStoresTest
{
    @ParameterizedTest
    @ValueSource(strings = { SqlStores.PHANTOMDB_FILE, SqlStores.PHANTOMDB_MEM, SqlStores.H2, SqlStores.SQLITE })
    void shouldAnswerBenchmarkQueriesWhenLoadedWithSmallData(final String store, @TempDir final Path dir) throws SQLException
    {
        try (Connection connection = SqlStores.open(store, dir))
        {
            SqlBenchData.loadKv(connection, store, 500);
            SqlBenchData.loadOrders(connection, store, 50);
            try (PreparedStatement point = connection.prepareStatement(SqlBenchData.POINT_SELECT))
            {
                point.setLong(1, 42);
                assertEquals("42:name-42:294", rows(point, 3));
            }
            try (PreparedStatement range = connection.prepareStatement(SqlBenchData.RANGE_SELECT))
            {
                range.setLong(1, 10);
                range.setLong(2, 10 + SqlBenchData.RANGE);
                assertEquals(SqlBenchData.RANGE, rows(range, 3).split(";").length);
            }
            try (PreparedStatement join = connection.prepareStatement(SqlBenchData.JOIN))
            {
                join.setLong(1, 7);
                final String[] rows = rows(join, 3).split(";");
                assertEquals(SqlBenchData.ORDERS_PER_CUSTOMER, rows.length);
                assertEquals("customer-7", rows[0].split(":")[2]);
            }
        }
    }

    private static String rows(final PreparedStatement statement, final int columns) throws SQLException
    {
        final StringBuilder sb = new StringBuilder();
        try (ResultSet rs = statement.executeQuery())
        {
            while (rs.next())
            {
                sb.append(sb.length() == 0 ? "" : ";");
                for (int c = 1; c <= columns; c++)
                {
                    sb.append(c == 1 ? "" : ":").append(rs.getString(c));
                }
            }
        }
        return sb.toString();
    }
}
