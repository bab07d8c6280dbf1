package io.phantomdb.sql.parse;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ExpressionPrecedenceTest
{
    @Test
    void shouldBindMultiplicationTighterThanAdditionWhenMixed()
    {
        assertEquals("(+ 1 (* 2 3))", Sexpr.of("1 + 2 * 3"));
        assertEquals("(- (- 1 2) 3)", Sexpr.of("1 - 2 - 3"));
        assertEquals("(% (/ a b) c)", Sexpr.of("a / b % c"));
    }

    @Test
    void shouldBindUnaryMinusTighterThanPowerWhenFollowingPostgres()
    {
        assertEquals("(^ (negate a) 2)", Sexpr.of("-a ^ 2"));
        assertEquals("(* 2 (^ a 3))", Sexpr.of("2 * a ^ 3"));
        assertEquals("(^ (^ 2 3) 2)", Sexpr.of("2 ^ 3 ^ 2"));
    }

    @Test
    void shouldFoldMinusIntoNumericLiteralsWhenDirectlyBeforeThem()
    {
        assertEquals("-5", Sexpr.of("-5"));
        assertEquals("-9223372036854775808", Sexpr.of("-9223372036854775808"));
        assertEquals("9223372036854775808", Sexpr.of("9223372036854775808"));
        assertEquals("-1.5e3", Sexpr.of("-1.5e3"));
        assertEquals("(negate (cast 1 text))", Sexpr.of("-1::text"));
    }

    @Test
    void shouldBindAndTighterThanOrAndNotTighterThanAnd()
    {
        assertEquals("(OR a (AND b c))", Sexpr.of("a OR b AND c"));
        assertEquals("(AND (not a) b)", Sexpr.of("NOT a AND b"));
        assertEquals("(not (= a b))", Sexpr.of("NOT a = b"));
        assertEquals("(AND (= a (not b)) c)", Sexpr.of("a = NOT b AND c"));
        assertEquals("(= a (not (= b c)))", Sexpr.of("a = NOT b = c"));
    }

    @Test
    void shouldBindComparisonTighterThanIsWhenBothAppear()
    {
        assertEquals("(istrue (= a b))", Sexpr.of("a = b IS TRUE"));
        assertEquals("(notnull (< a b))", Sexpr.of("a < b IS NOT NULL"));
        assertEquals("(IS NOT DISTINCT FROM a b)", Sexpr.of("a IS NOT DISTINCT FROM b"));
        assertEquals("(isnotunknown a)", Sexpr.of("a IS NOT UNKNOWN"));
    }

    @Test
    void shouldBindBetweenInLikeTighterThanComparison()
    {
        assertEquals("(= a (in b 1 2))", Sexpr.of("a = b IN (1, 2)"));
        assertEquals("(AND (between a 1 5) c)", Sexpr.of("a BETWEEN 1 AND 5 AND c"));
        assertEquals("(notbetweensym a 5 1)", Sexpr.of("a NOT BETWEEN SYMMETRIC 5 AND 1"));
        assertEquals("(notilike a 'x%' '!')", Sexpr.of("a NOT ILIKE 'x%' ESCAPE '!'"));
        assertEquals("(similar a 'x')", Sexpr.of("a SIMILAR TO 'x'"));
        assertEquals("(notin a 1)", Sexpr.of("a NOT IN (1)"));
    }

    @Test
    void shouldBindOtherOperatorsBetweenAdditionAndComparison()
    {
        assertEquals("(|| a (+ b c))", Sexpr.of("a || b + c"));
        assertEquals("(= (->> d 'k') 'v')", Sexpr.of("d ->> 'k' = 'v'"));
        assertEquals("(-> (-> d 'a') 'b')", Sexpr.of("d -> 'a' -> 'b'"));
        assertEquals("(like (|| a b) 'x')", Sexpr.of("a || b LIKE 'x'"));
        assertEquals("(AND (@> d '{}') (<@ d e))", Sexpr.of("d @> '{}' AND d <@ e"));
        assertEquals("(#>> d '{a,b}')", Sexpr.of("d #>> '{a,b}'"));
    }

    @Test
    void shouldReadQuestionMarkAsOperatorAfterAnOperandAndAsParameterOtherwise()
    {
        assertEquals("(? d $1)", Sexpr.of("d ? ?"));
        assertEquals("(?| d $1)", Sexpr.of("d ?| ?"));
        assertEquals("(?& d 'a')", Sexpr.of("d ?& 'a'"));
        assertEquals("(|| $1 'x')", Sexpr.of("?||'x'"));
    }

    @Test
    void shouldBindCastTightest()
    {
        assertEquals("(+ a (cast b integer))", Sexpr.of("a + b::integer"));
        assertEquals("(cast (cast a text) varchar(3))", Sexpr.of("a::text::varchar(3)"));
        assertEquals("(cast a double precision)", Sexpr.of("CAST(a AS DOUBLE PRECISION)"));
        assertEquals("(cast a timestamp)", Sexpr.of("a::timestamp without time zone"));
        assertEquals("(cast a numeric(10,2))", Sexpr.of("a::numeric(10, 2)"));
    }

    @Test
    void shouldParseSpecialFormsAsFunctionCalls()
    {
        assertEquals("extract('year' d)", Sexpr.of("EXTRACT(YEAR FROM d)"));
        assertEquals("substring(s 2 3)", Sexpr.of("SUBSTRING(s FROM 2 FOR 3)"));
        assertEquals("substring(s 1 3)", Sexpr.of("substring(s FOR 3)"));
        assertEquals("substring(s 2)", Sexpr.of("substring(s, 2)"));
        assertEquals("position('a' s)", Sexpr.of("POSITION('a' IN s)"));
        assertEquals("ltrim(s 'x')", Sexpr.of("TRIM(LEADING 'x' FROM s)"));
        assertEquals("btrim(s)", Sexpr.of("TRIM(s)"));
        assertEquals("rtrim(s)", Sexpr.of("TRIM(TRAILING FROM s)"));
        assertEquals("current_timestamp()", Sexpr.of("CURRENT_TIMESTAMP"));
        assertEquals("now()", Sexpr.of("NOW()"));
        assertEquals("coalesce(a null 1)", Sexpr.of("COALESCE(a, NULL, 1)"));
        assertEquals("count(*)", Sexpr.of("count(*)"));
        assertEquals("count(distinct a) filter (> a 1)", Sexpr.of("count(DISTINCT a) FILTER (WHERE a > 1)"));
        assertEquals("left(s 2)", Sexpr.of("left(s, 2)"));
    }

    @Test
    void shouldParseLiteralsWithTheirEscapes()
    {
        assertEquals("'it's'", Sexpr.of("'it''s'"));
        assertEquals("'a\nb'", Sexpr.of("E'a\\nb'"));
        assertEquals("'é'", Sexpr.of("e'\\u00e9'"));
        assertEquals("'x;'y''", Sexpr.of("$$x;'y'$$"));
        assertEquals("'$ $'", Sexpr.of("$tag$$ $$tag$"));
        assertEquals("1.50", Sexpr.of("1.50"));
        assertEquals(".5", Sexpr.of(".5"));
        assertEquals("date '2020-01-01'", Sexpr.of("DATE '2020-01-01'"));
        assertEquals("timestamp '2020-01-01 10:00'", Sexpr.of("TIMESTAMP '2020-01-01 10:00'"));
        assertEquals("(AND true (OR false null))", Sexpr.of("TRUE AND (FALSE OR NULL)"));
    }

    @Test
    void shouldParseCaseExpressionsSimpleAndSearched()
    {
        assertEquals("(case a (1 'one') (2 'two') else 'many')", Sexpr.of("CASE a WHEN 1 THEN 'one' WHEN 2 THEN 'two' ELSE 'many' END"));
        assertEquals("(case ((> a 0) 1))", Sexpr.of("CASE WHEN a > 0 THEN 1 END"));
    }

    @Test
    void shouldParseColumnReferencesWithQualifiersAndQuotedCase()
    {
        assertEquals("s.t.c", Sexpr.of("s.t.c"));
        assertEquals("t.Name", Sexpr.of("T.\"Name\""));
        assertEquals("(+ name key)", Sexpr.of("name + key"));
        assertEquals("(|| (|| (|| value date) time) text)", Sexpr.of("value || date || time || text"));
        assertEquals("(+ (+ level data) position)", Sexpr.of("level + data + position"));
        assertEquals("(|| json type)", Sexpr.of("json || type"));
    }

    @Test
    void shouldParseSubqueryPredicates()
    {
        assertEquals("(exists)", Sexpr.of("EXISTS (SELECT 1)"));
        assertEquals("(+ (subquery) 1)", Sexpr.of("(SELECT 1) + 1"));
        assertEquals("(+ (subquery) 1)", Sexpr.of("((SELECT 1) + 1)"));
        assertEquals("(subquery)", Sexpr.of("((SELECT 1) INTERSECT (SELECT 2) LIMIT 1)"));
        assertEquals("(in a subquery)", Sexpr.of("a IN ((SELECT 1) UNION (SELECT 2) ORDER BY 1)"));
        assertEquals("(notin a subquery)", Sexpr.of("a NOT IN (SELECT b FROM t)"));
        assertEquals("(= any a subquery)", Sexpr.of("a = ANY (SELECT b FROM t)"));
        assertEquals("(> all a subquery)", Sexpr.of("a > ALL (SELECT b FROM t)"));
        assertEquals("(<> any a subquery)", Sexpr.of("a != SOME (SELECT b FROM t)"));
    }

    @Test
    void shouldNumberQuestionMarksInOrderAndCountDollarParameters()
    {
        assertEquals("(AND (= a $1) (= b $2))", Sexpr.of("a = ? AND b = ?"));
        assertEquals(3, SqlParser.prepare("SELECT $3, $1").parameterCount());
        assertEquals(2, SqlParser.prepare("UPDATE t SET a = ? WHERE d ? 'k' AND b = ?").parameterCount());
        assertEquals(0, SqlParser.prepare("SELECT 1").parameterCount());
    }
}
