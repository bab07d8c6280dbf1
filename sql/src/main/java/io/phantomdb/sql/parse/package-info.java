/**
 * The hand-written SQL front end: a single-pass {@code Lexer} (no regular expressions) and a recursive-descent
 * parser that follows PostgreSQL's grammar and operator precedence, producing the immutable syntax tree of
 * {@link io.phantomdb.sql.ast}. {@link io.phantomdb.sql.parse.SqlParser} is the only public entry point
 * (parse one statement, parse or split a script, count parameters); every error is an
 * {@link io.phantomdb.sql.SqlException} with SQLSTATE and position. docs/sql-parser.md has the grammar summary.
 * <p>
 * Lexer and parser objects are single use and confined to the calling thread; {@code SqlParser}'s static
 * methods are thread safe.
 */
package io.phantomdb.sql.parse;
