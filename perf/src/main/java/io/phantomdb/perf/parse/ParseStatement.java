package io.phantomdb.perf.parse;

/**
 * The statements the parser benchmark parses: typical OLTP and reporting shapes, written so that
 * PhantomDB's parser (PostgreSQL dialect), JSqlParser and Calcite's parser (lenient conformance) all
 * accept them unchanged. Parameters are {@code ?}, which all three read.
 * <p>
 * <b>Note:</b> an enum of constants, safe from any thread.
 */
public enum ParseStatement
{
    /** A point select by primary key with one parameter. */
    POINT_SELECT("SELECT id, name, balance FROM accounts WHERE id = ?"),

    /** An INSERT of one row with five values. */
    INSERT("INSERT INTO accounts (id, name, balance, branch_id, active) VALUES (?, 'alice', 100.50, 7, TRUE)"),

    /** An UPDATE with arithmetic in SET and a two-condition WHERE. */
    UPDATE("UPDATE accounts SET balance = balance - 25.00, touched = touched + 1 WHERE id = 42 AND balance >= 25.00"),

    /** A three-table join with GROUP BY, HAVING, ORDER BY and LIMIT. */
    JOIN_GROUP("SELECT c.name, COUNT(*) AS orders, SUM(o.amount) AS total FROM customers c " +
        "JOIN orders o ON o.customer_id = c.id JOIN regions r ON r.id = c.region_id " +
        "WHERE r.name <> 'north' AND o.placed >= 20240101 GROUP BY c.name HAVING SUM(o.amount) > 1000 " +
        "ORDER BY total DESC, c.name LIMIT 10"),

    /** IN and correlated scalar subqueries and a searched CASE. */
    SUBQUERY_CASE("SELECT p.id, CASE WHEN p.price > 100 THEN 'high' WHEN p.price > 10 THEN 'mid' ELSE 'low' END AS band " +
        "FROM products p WHERE p.category_id IN (SELECT id FROM categories WHERE active = TRUE) " +
        "AND p.stock > (SELECT AVG(stock) FROM products q WHERE q.category_id = p.category_id)");

    private final String sql;

    ParseStatement(final String sql)
    {
        this.sql = sql;
    }

    /**
     * @return the statement text.
     */
    public String sql()
    {
        return sql;
    }

    /**
     * @param name an enum constant name, as JMH passes it.
     * @return the statement.
     * @throws IllegalArgumentException if no statement has that name.
     */
    public static ParseStatement of(final String name)
    {
        return valueOf(name);
    }
}
