package io.phantomdb.sql.parse;

import io.phantomdb.sql.SqlException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whatever the input, the parser either returns a statement or throws {@link SqlException}, quickly. Inputs are
 * random strings over SQL's characters and valid statements mutated token by token (delete, insert, swap,
 * duplicate, truncate). jqwik prints the seed of a failing try.
 */
class SqlParserFuzzProperties
{
    private static final long TIME_BOUND_NANOS = 2_000_000_000L;

    private static final List<String> CORPUS = List.of(
        "SELECT a, b AS x, t.* FROM s.t AS t (a, b) WHERE a = ? AND b IN (1, 2, 3) ORDER BY 1 DESC NULLS LAST LIMIT 5",
        "SELECT DISTINCT ON (a) a, count(*) FILTER (WHERE b > 0) FROM t JOIN u ON t.id = u.id "
            + "LEFT JOIN v USING (id) GROUP BY a HAVING count(*) > 1 OFFSET 2 ROWS FETCH FIRST 3 ROWS ONLY",
        "WITH c AS (SELECT 1 AS x) SELECT * FROM c UNION ALL (SELECT 2 INTERSECT SELECT 3) EXCEPT VALUES (4)",
        "SELECT CASE WHEN a IS NOT NULL THEN a::text || 'x' ELSE E'y\\n' END, CAST(b AS numeric(10,2)), "
            + "EXTRACT(year FROM d), SUBSTRING(s FROM 1 FOR 2), POSITION('a' IN s), TRIM(BOTH 'x' FROM s)",
        "SELECT d -> 'a' ->> 'b', d #> '{a}' #>> '{b}', d @> '{}', d <@ e, d ? 'k', d ?| $1, d ?& $2 FROM j",
        "SELECT * FROM t WHERE NOT (a BETWEEN SYMMETRIC 1 AND 2) OR b NOT LIKE 'x%' ESCAPE '!' "
            + "OR c ILIKE 'y' OR EXISTS (SELECT 1 FROM u WHERE u.a = t.a) OR a > ALL (SELECT 1) FOR UPDATE",
        "INSERT INTO t (a, b) VALUES (1, 'x'), (DEFAULT, $$q;q$$) ON CONFLICT (a) DO UPDATE SET b = 'y' "
            + "WHERE t.a > 0 RETURNING *",
        "UPDATE t AS x SET a = a + 1, b = DEFAULT FROM u WHERE x.id = u.id RETURNING a",
        "DELETE FROM t WHERE a IS DISTINCT FROM 3 RETURNING a, b",
        "CREATE TABLE IF NOT EXISTS t (id bigint PRIMARY KEY, name varchar(20) NOT NULL DEFAULT 'x' UNIQUE, "
            + "p numeric(10, 2) CHECK (p > 0), ts timestamp without time zone, d double precision, "
            + "CONSTRAINT c UNIQUE (name), CHECK (id > 0)) WITH (storage = 'lsm')",
        "CREATE UNIQUE INDEX IF NOT EXISTS i ON t USING btree (a DESC NULLS FIRST, (lower(b)))",
        "ALTER TABLE t ADD COLUMN c int NOT NULL DEFAULT 0, DROP COLUMN IF EXISTS d",
        "CREATE OR REPLACE VIEW v (a) AS SELECT a FROM t WHERE a > -1.5e3",
        "DROP TABLE IF EXISTS a, b",
        "BEGIN ISOLATION LEVEL SERIALIZABLE, READ ONLY",
        "SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL READ COMMITTED",
        "SET search_path TO public, 'x'",
        "EXPLAIN (ANALYZE, VERBOSE) SELECT 1",
        "ROLLBACK TO SAVEPOINT s",
        "CREATE USER bob WITH PASSWORD 'secret'");

    private static final List<String> INSERTIONS = List.of(
        "(", ")", ",", ";", ".", "*", "-", "+", "::", "?", "$1", "'s'", "\"Q\"", "1", "1.5", "SELECT", "FROM",
        "WHERE", "AND", "NOT", "NULL", "IS", "IN", "BETWEEN", "CASE", "END", "WITH", "VALUES", "JOIN", "ON", "AS",
        "DEFAULT", "ALL", "ANY", "->", "||", "/*", "--", "'", "\"", "$$", "E'", "[", "]", "@", "#", "!", "~");

    @Property(tries = 3000)
    void shouldParseOrThrowSqlExceptionForRandomStrings(@ForAll("sqlish") final String input)
    {
        assertParsesOrThrowsSqlException(input);
    }

    @Property(tries = 5000)
    void shouldParseOrThrowSqlExceptionForMutatedStatements(@ForAll("mutated") final String input)
    {
        assertParsesOrThrowsSqlException(input);
    }

    @Property(tries = 200)
    void shouldParseEveryCorpusStatementAndItsScript(@ForAll("corpusIndex") final int index)
    {
        final String sql = CORPUS.get(index);
        SqlParser.parse(sql);
        assertEquals(List.of(sql), SqlParser.split(sql + ";"));
    }

    @Provide
    Arbitrary<Integer> corpusIndex()
    {
        return Arbitraries.integers().between(0, CORPUS.size() - 1);
    }

    @Provide
    Arbitrary<String> sqlish()
    {
        return Arbitraries.strings()
            .withChars("abcSELCTFROMWHEN ()*,;.'\"$?:-+/<>=!|@#&^%~[]\\\n0123456789eE_")
            .withCharRange('\u0000', '\u00ff')
            .ofMaxLength(120);
    }

    @Provide
    Arbitrary<String> mutated()
    {
        return Arbitraries.randomValue(SqlParserFuzzProperties::mutate);
    }

    private static String mutate(final Random random)
    {
        final String statement = CORPUS.get(random.nextInt(CORPUS.size()));
        final List<String> tokens = tokens(statement);
        final int mutations = 1 + random.nextInt(4);
        for (int m = 0; m < mutations && !tokens.isEmpty(); m++)
        {
            final int at = random.nextInt(tokens.size());
            switch (random.nextInt(5))
            {
                case 0:
                    tokens.remove(at);
                    break;
                case 1:
                    tokens.add(at, INSERTIONS.get(random.nextInt(INSERTIONS.size())));
                    break;
                case 2:
                {
                    final int other = random.nextInt(tokens.size());
                    final String swapped = tokens.get(at);
                    tokens.set(at, tokens.get(other));
                    tokens.set(other, swapped);
                    break;
                }
                case 3:
                    tokens.add(at, tokens.get(random.nextInt(tokens.size())));
                    break;
                default:
                    tokens.subList(at, tokens.size()).clear();
                    break;
            }
        }
        final String joined = String.join(" ", tokens);
        return random.nextInt(4) == 0 && !joined.isEmpty() ? joined.substring(0, random.nextInt(joined.length())) : joined;
    }

    private static List<String> tokens(final String statement)
    {
        final Lexer lexer = new Lexer(statement);
        final List<String> tokens = new ArrayList<>();
        for (int i = 0; i < lexer.count() - 1; i++)
        {
            tokens.add(statement.substring(lexer.start(i), lexer.end(i)));
        }
        return tokens;
    }

    private static void assertParsesOrThrowsSqlException(final String input)
    {
        final long start = System.nanoTime();
        try
        {
            SqlParser.parse(input);
        }
        catch (final SqlException ex)
        {
            assertTrue(ex.position() >= 0 && ex.position() <= input.length() + 1, ex.getMessage());
        }
        try
        {
            SqlParser.parseScript(input);
        }
        catch (final SqlException ignored)
        {
            // any SqlException is an allowed outcome
        }
        try
        {
            SqlParser.split(input);
        }
        catch (final SqlException ignored)
        {
            // any SqlException is an allowed outcome
        }
        final long elapsed = System.nanoTime() - start;
        assertTrue(elapsed < TIME_BOUND_NANOS, "took " + elapsed / 1_000_000 + " ms: " + input);
    }
}
