/**
 * The SQL parser benchmark: PhantomDB's {@code io.phantomdb.sql.parse.SqlParser} side by side with
 * JSqlParser and Apache Calcite's parser on five typical statements, statement text to syntax tree.
 * <ul>
 *   <li>{@link io.phantomdb.perf.parse.ParseStatement}: the statements.</li>
 *   <li>{@link io.phantomdb.perf.parse.ParserUnderTest}: one adapter per parser.</li>
 *   <li>{@link io.phantomdb.perf.parse.ParseBenchmark}: the JMH benchmark.</li>
 *   <li>{@link io.phantomdb.perf.parse.ParseBenchTable}: the runner behind {@code bin/phantomdb bench parse},
 *       with its flags ({@link io.phantomdb.perf.parse.ParseBenchArgs}) and table
 *       ({@link io.phantomdb.perf.parse.ParseResultTable}).</li>
 * </ul>
 * Threading: every benchmark runs on one JMH thread; the adapters are stateless. Nothing here runs
 * during {@code mvn test} except the unit tests of the table, the flags and the adapters.
 */
package io.phantomdb.perf.parse;
