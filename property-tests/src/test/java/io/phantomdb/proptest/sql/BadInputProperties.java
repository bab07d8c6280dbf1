package io.phantomdb.proptest.sql;

import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlResult;
import io.phantomdb.sql.SqlSession;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.api.statistics.Statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Bad input through {@link SqlSession#execute(String)} on a database with data: valid statements from
 * the query and DML generators, mutated ({@link Mutator}), and random strings. Each must succeed or throw
 * {@link SqlException} with a five-character SQLSTATE other than XX000 (internal error) — never another
 * exception, and never run longer than {@value #HANG_SECONDS} s. After a failed statement every table
 * holds exactly what it held before (a failed statement changes nothing); after any statement
 * {@code SELECT count(*)} still answers.
 */
@AddLifecycleHook(SqlTries.class)
class BadInputProperties
{
    static final long HANG_SECONDS = 20;
    private static final long SCHEMA_SEED = 0x5eed_5417L;

    private ExecutorService executor;
    private PhantomSide phantom;
    private Schema schema;

    @BeforeProperty
    void open()
    {
        executor = Executors.newSingleThreadExecutor(r ->
        {
            final Thread t = new Thread(r, "bad-input-statement");
            t.setDaemon(true);
            return t;
        });
        phantom = new PhantomSide();
        schema = Schema.random(new Random(SCHEMA_SEED));
        for (final String statement : schema.setUp())
        {
            final Outcome outcome = phantom.run(statement);
            if (outcome.failed())
            {
                fail("set-up failed: " + statement + ": " + outcome);
            }
        }
    }

    @AfterProperty
    void close()
    {
        executor.shutdownNow();
        phantom.close();
    }

    @Provide
    Arbitrary<Long> seeds()
    {
        return Arbitraries.longs();
    }

    @Property(tries = 500, shrinking = ShrinkingMode.OFF)
    void badStatementsShouldFailWithSqlStateAndChangeNothing(@ForAll("seeds") final long seed) throws Exception
    {
        final Random random = new Random(seed);
        final String valid = random.nextBoolean() ? new QueryGenerator(schema, random).next().sql() : new DmlGenerator(schema, random).next()[0];
        final String sql = new Mutator(random).mutate(valid);
        final List<String> before = contents();
        final SqlSession session = phantom.session();
        final Future<Throwable> run = executor.submit(() ->
        {
            try (SqlResult result = session.execute(sql))
            {
                while (result.returnsRows() && result.next())
                {
                    for (int i = 0; i < result.columns().size(); i++)
                    {
                        result.get(i);
                    }
                }
                return null;
            }
            catch (final Throwable ex)
            {
                return ex;
            }
        });
        final Throwable error;
        try
        {
            error = run.get(HANG_SECONDS, TimeUnit.SECONDS);
        }
        catch (final TimeoutException ex)
        {
            session.cancel();
            fail("statement still running after " + HANG_SECONDS + " s: " + sql);
            return;
        }
        catch (final ExecutionException ex)
        {
            throw new AssertionError(ex);
        }
        if (error == null)
        {
            Statistics.label("outcome").collect("succeeded");
        }
        else
        {
            if (!(error instanceof SqlException sqlError))
            {
                throw new AssertionError("not a SqlException for: " + sql + "\n(mutated from: " + valid + ")", error);
            }
            Statistics.label("outcome").collect("SQLSTATE " + sqlError.sqlState());
            if (sqlError.sqlState().length() != 5 || "XX000".equals(sqlError.sqlState()))
            {
                throw new AssertionError("SQLSTATE " + sqlError.sqlState() + " for: " + sql + "\n(mutated from: " + valid + ")", error);
            }
            assertEquals(before, contents(), "a failed statement changed the data: " + sql + "\n(mutated from: " + valid + ")");
        }
        final Outcome count = phantom.run("SELECT count(*) FROM " + schema.tables().get(0).name());
        assertNotNull(count.rows(), "SELECT count(*) after: " + sql + ": " + count);
    }

    private List<String> contents()
    {
        final List<String> all = new ArrayList<>();
        for (final Table table : schema.tables())
        {
            final Outcome outcome = phantom.run("SELECT " + table.columnList() + " FROM " + table.name());
            if (outcome.failed())
            {
                fail("cannot read " + table.name() + ": " + outcome);
            }
            final List<String> rows = Results.canonical(outcome.rows());
            rows.sort(null);
            all.add(table.name() + ": " + rows);
        }
        return all;
    }
}
