package io.phantomdb.sql.parse;

import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.ast.Expression;
import io.phantomdb.sql.ast.OrderItem;
import io.phantomdb.sql.ast.QueryBody;
import io.phantomdb.sql.ast.SelectItem;
import io.phantomdb.sql.ast.Statement;
import io.phantomdb.sql.ast.Statement.Query;
import io.phantomdb.sql.ast.TableRef;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QueryParserTest
{
    private static Query query(final String sql)
    {
        return assertInstanceOf(Query.class, SqlParser.parse(sql));
    }

    private static QueryBody.Select select(final String sql)
    {
        return assertInstanceOf(QueryBody.Select.class, query(sql).body());
    }

    @Test
    void shouldParseSelectListWithStarsAndAliasesWhenGiven()
    {
        final QueryBody.Select select = select("SELECT *, t.*, s.t.*, a AS \"A\", b c, d AS from FROM t");
        final List<SelectItem> items = select.items();
        assertEquals(6, items.size());
        assertNull(((SelectItem.AllColumns)items.get(0)).qualifier());
        assertEquals("t", ((SelectItem.AllColumns)items.get(1)).qualifier().toString());
        assertEquals("s.t", ((SelectItem.AllColumns)items.get(2)).qualifier().toString());
        assertEquals("A", ((SelectItem.ExpressionItem)items.get(3)).alias());
        assertEquals("c", ((SelectItem.ExpressionItem)items.get(4)).alias());
        assertEquals("from", ((SelectItem.ExpressionItem)items.get(5)).alias());
        assertEquals(1, select.position());
        assertEquals(8, items.get(0).position());
    }

    @Test
    void shouldParseDistinctOnWhereGroupByHaving()
    {
        final QueryBody.Select select =
            select("SELECT DISTINCT ON (a) a, count(*) FROM t WHERE b > 1 GROUP BY a, 2 HAVING count(*) > 1");
        assertTrue(select.distinct());
        assertEquals(1, select.distinctOn().size());
        assertEquals("(> b 1)", Sexpr.render(select.where()));
        assertEquals(2, select.groupBy().size());
        assertEquals("(> count(*) 1)", Sexpr.render(select.having()));
    }

    @Test
    void shouldParseJoinsLeftDeepWithTheirConditions()
    {
        final QueryBody.Select select = select(
            "SELECT * FROM public.a AS x (c1, c2) JOIN b ON x.c1 = b.id LEFT OUTER JOIN c USING (id) "
            + "CROSS JOIN d NATURAL FULL JOIN e, f RIGHT JOIN g ON true");
        assertEquals(2, select.from().size());
        final TableRef.Join natural = assertInstanceOf(TableRef.Join.class, select.from().get(0));
        assertTrue(natural.natural());
        assertEquals(TableRef.JoinType.FULL, natural.type());
        final TableRef.Join cross = assertInstanceOf(TableRef.Join.class, natural.left());
        assertEquals(TableRef.JoinType.CROSS, cross.type());
        final TableRef.Join left = assertInstanceOf(TableRef.Join.class, cross.left());
        assertEquals(TableRef.JoinType.LEFT, left.type());
        assertEquals(List.of("id"), left.using());
        final TableRef.Join inner = assertInstanceOf(TableRef.Join.class, left.left());
        assertEquals(TableRef.JoinType.INNER, inner.type());
        assertEquals("(= x.c1 b.id)", Sexpr.render(inner.condition()));
        final TableRef.NamedTable a = assertInstanceOf(TableRef.NamedTable.class, inner.left());
        assertEquals("public", a.name().schema());
        assertEquals("x", a.alias());
        assertEquals(List.of("c1", "c2"), a.columnAliases());
        final TableRef.Join right = assertInstanceOf(TableRef.Join.class, select.from().get(1));
        assertEquals(TableRef.JoinType.RIGHT, right.type());
    }

    @Test
    void shouldNestJoinsToTheRightWhenQualifiersComeLast()
    {
        final TableRef.Join outer = assertInstanceOf(TableRef.Join.class,
            select("SELECT * FROM a JOIN b JOIN c ON b.x = c.x ON a.y = b.y").from().get(0));
        assertEquals("(= a.y b.y)", Sexpr.render(outer.condition()));
        final TableRef.Join inner = assertInstanceOf(TableRef.Join.class, outer.right());
        assertEquals("(= b.x c.x)", Sexpr.render(inner.condition()));
        assertInstanceOf(TableRef.NamedTable.class, outer.left());
    }

    @Test
    void shouldParseDerivedTablesAndParenthesisedJoins()
    {
        final QueryBody.Select select = select("SELECT * FROM (SELECT 1 AS a) s (b), (a JOIN b ON true), (VALUES (1)) v");
        final TableRef.DerivedTable derived = assertInstanceOf(TableRef.DerivedTable.class, select.from().get(0));
        assertEquals("s", derived.alias());
        assertEquals(List.of("b"), derived.columnAliases());
        assertInstanceOf(TableRef.Join.class, select.from().get(1));
        final TableRef.DerivedTable values = assertInstanceOf(TableRef.DerivedTable.class, select.from().get(2));
        assertInstanceOf(QueryBody.Values.class, values.query().body());
    }

    @Test
    void shouldBindIntersectTighterThanUnionWhenMixed()
    {
        final QueryBody.SetOperation union = assertInstanceOf(QueryBody.SetOperation.class,
            query("SELECT 1 UNION ALL SELECT 2 INTERSECT SELECT 3 EXCEPT DISTINCT SELECT 4").body());
        assertEquals(QueryBody.SetOperator.EXCEPT, union.operator());
        assertFalse(union.all());
        final QueryBody.SetOperation left = assertInstanceOf(QueryBody.SetOperation.class, union.left());
        assertEquals(QueryBody.SetOperator.UNION, left.operator());
        assertTrue(left.all());
        assertEquals(QueryBody.SetOperator.INTERSECT,
            assertInstanceOf(QueryBody.SetOperation.class, left.right()).operator());
    }

    @Test
    void shouldKeepParenthesisedQueriesWithTheirOwnLimit()
    {
        final Query query = query("(SELECT a FROM t ORDER BY a LIMIT 1) UNION (SELECT 2) ORDER BY 1 DESC NULLS LAST");
        final QueryBody.SetOperation union = assertInstanceOf(QueryBody.SetOperation.class, query.body());
        final Query inner = assertInstanceOf(Query.class, union.left());
        assertEquals(1L, ((Expression.IntegerLiteral)inner.limit()).value());
        assertInstanceOf(QueryBody.Select.class, union.right());
        final OrderItem order = query.orderBy().get(0);
        assertTrue(order.descending());
        assertEquals(OrderItem.NullsOrder.LAST, order.nulls());
        assertInstanceOf(QueryBody.Select.class, query("((SELECT 1))").body());
    }

    @Test
    void shouldParseLimitOffsetFetchAndLocking()
    {
        final Query limited = query("SELECT a FROM t ORDER BY a ASC NULLS FIRST LIMIT ALL OFFSET 5 ROWS");
        assertNull(limited.limit());
        assertEquals("5", Sexpr.render(limited.offset()));
        final Query fetched = query("SELECT a FROM t OFFSET 2 FETCH FIRST 10 ROWS ONLY FOR UPDATE");
        assertEquals("10", Sexpr.render(fetched.limit()));
        assertEquals(Statement.LockMode.FOR_UPDATE, fetched.lock());
        assertEquals("1", Sexpr.render(query("SELECT 1 FETCH NEXT ROW ONLY").limit()));
        assertEquals(Statement.LockMode.FOR_SHARE, query("SELECT 1 FROM t FOR SHARE").lock());
        assertEquals("$1", Sexpr.render(query("SELECT 1 LIMIT ?").limit()));
    }

    @Test
    void shouldParseCommonTableExpressionsAndRejectRecursive()
    {
        final Query query = query("WITH a (x) AS (SELECT 1), b AS (SELECT * FROM a) SELECT * FROM b");
        assertEquals(2, query.with().size());
        assertEquals(List.of("x"), query.with().get(0).columns());
        final SqlException ex = assertThrows(SqlException.class,
            () -> SqlParser.parse("WITH RECURSIVE r AS (SELECT 1) SELECT * FROM r"));
        assertEquals("0A000", ex.sqlState());
        assertEquals(6, ex.position());
    }

    @Test
    void shouldParseValuesAsQuery()
    {
        final QueryBody.Values values = assertInstanceOf(QueryBody.Values.class, query("VALUES (1, 'a'), (2, 'b')").body());
        assertEquals(2, values.rows().size());
        assertEquals(2, values.rows().get(1).size());
    }

    @Test
    void shouldParseTableShorthandAsSelectStar()
    {
        final QueryBody.Select select = select("TABLE t");
        assertInstanceOf(SelectItem.AllColumns.class, select.items().get(0));
    }
}
