package io.phantomdb.proptest.sql;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.statistics.Statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * PhantomDB's INSERT/UPDATE/DELETE against H2 in PostgreSQL mode: after loading a random schema with
 * data, {@value #STATEMENTS} random statements ({@link DmlGenerator}) run on both; each must succeed on
 * both with the same update count, or fail on both, and a constraint error (SQLSTATE class 23) on one
 * side must be a class-23 error on the other; after each statement the changed table must hold the same
 * rows on both (a failed statement changes nothing), and after the sequence every table must.
 */
@AddLifecycleHook(SqlTries.class)
class DmlDifferentialProperties
{
    static final int STATEMENTS = 12;

    @Provide
    Arbitrary<Long> seeds()
    {
        return Arbitraries.longs();
    }

    @Property(tries = 200, shrinking = ShrinkingMode.OFF)
    void changesShouldLeaveTheSameRowsAsTheReference(@ForAll("seeds") final long seed)
    {
        final Random random = new Random(seed);
        final Schema schema = Schema.random(random);
        try (PhantomSide phantom = new PhantomSide(); H2Side h2 = new H2Side())
        {
            if (!QueryDifferentialProperties.load(seed, schema, phantom, h2))
            {
                return;
            }
            final DmlGenerator dml = new DmlGenerator(schema, random);
            final List<String> history = new ArrayList<>();
            for (int i = 0; i < STATEMENTS; i++)
            {
                final String[] next = dml.next();
                history.add(next[0]);
                final Outcome ours = phantom.run(next[0]);
                final Outcome theirs = h2.run(next[0]);
                Statistics.label("statement").collect(theirs.failed() ? "failed " + theirs.sqlState().substring(0, 2) + "xxx" : "succeeded");
                String difference = outcomeDifference(ours, theirs);
                if (difference == null)
                {
                    difference = tableDifference(schema.tables().get(Integer.parseInt(next[1].substring(1))), phantom, h2);
                }
                if (difference != null)
                {
                    Mismatches.report("scenario seed " + seed + ", statement " + i + "\n-- schema and data:\n" + schema.describe() +
                        "\n-- statements:\n" + String.join(";\n", history) + ";\n-- " + difference.replace("\n", "\n-- "));
                    return;
                }
            }
            for (final Table table : schema.tables())
            {
                final String difference = tableDifference(table, phantom, h2);
                if (difference != null)
                {
                    Mismatches.report("scenario seed " + seed + ", at the end\n-- schema and data:\n" + schema.describe() +
                        "\n-- statements:\n" + String.join(";\n", history) + ";\n-- " + difference.replace("\n", "\n-- "));
                    return;
                }
            }
        }
    }

    private static String outcomeDifference(final Outcome ours, final Outcome theirs)
    {
        if (ours.failed() && theirs.failed())
        {
            final boolean ourConstraint = ours.sqlState().startsWith("23");
            final boolean theirConstraint = theirs.sqlState().startsWith("23");
            return ourConstraint == theirConstraint && !Outcome.NOT_SQL.equals(ours.sqlState()) ? null :
                "different errors\nPhantomDB: " + ours + "\nreference: " + theirs;
        }
        return Results.difference(ours, theirs, false);
    }

    static String tableDifference(final Table table, final SqlSide phantom, final SqlSide h2)
    {
        final List<String> keys = new ArrayList<>();
        for (final Column c : table.primaryKey())
        {
            keys.add(c.name());
        }
        final String query = "SELECT " + table.columnList() + " FROM " + table.name() + " ORDER BY " + String.join(", ", keys);
        final String difference = Results.difference(phantom.run(query), h2.run(query), true);
        return difference == null ? null : "contents of " + table.name() + " (" + query + ")\n" + difference;
    }
}
