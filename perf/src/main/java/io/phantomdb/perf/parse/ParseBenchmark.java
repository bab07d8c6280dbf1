package io.phantomdb.perf.parse;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Parse time of one statement ({@link ParseStatement}) by one parser ({@link ParserUnderTest}): text
 * in, syntax tree out, on one thread; nanoseconds per parse ({@link Mode#AverageTime}). The statement
 * text is the same {@link String} on every call, so no parser can benefit from a cache keyed by
 * identity that the others lack (none of the three has one).
 * <p>
 * The trial set-up parses the statement once and fails the trial if the parser rejects it, so a row
 * never measures how fast a parser throws.
 * <p>
 * <b>Note:</b> one benchmark thread; the state is read-only after set-up.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Threads(1)
@State(Scope.Benchmark)
public class ParseBenchmark
{
    /** The parser, a {@link ParserUnderTest#label()}. */
    @Param({ "phantomdb", "jsqlparser", "calcite" })
    public String parser;

    /** The statement, a {@link ParseStatement} name. */
    @Param({ "POINT_SELECT", "INSERT", "UPDATE", "JOIN_GROUP", "SUBQUERY_CASE" })
    public String statement;

    private ParserUnderTest target;
    private String sql;

    /**
     * Resolve the parameters and check that the parser accepts the statement.
     *
     * @throws Exception the parser's syntax error if it rejects the statement.
     */
    @Setup(Level.Trial)
    public void setUp() throws Exception
    {
        target = ParserUnderTest.of(parser);
        sql = ParseStatement.of(statement).sql();
        target.parse(sql);
    }

    /**
     * One parse.
     *
     * @return the syntax tree, so the work is not dead code.
     * @throws Exception the parser's syntax error (not expected after set-up).
     */
    @Benchmark
    public Object parse() throws Exception
    {
        return target.parse(sql);
    }
}
