/**
 * The SQL syntax tree produced by {@link io.phantomdb.sql.parse.SqlParser}: immutable records under a few
 * sealed interfaces. Entry points: {@link io.phantomdb.sql.ast.Statement} (every statement, with
 * {@link io.phantomdb.sql.ast.Statement.Query} for queries), {@link io.phantomdb.sql.ast.QueryBody}
 * (SELECT, VALUES, set operations), {@link io.phantomdb.sql.ast.Expression},
 * {@link io.phantomdb.sql.ast.TableRef}, {@link io.phantomdb.sql.ast.SelectItem},
 * {@link io.phantomdb.sql.ast.Constraint}, {@link io.phantomdb.sql.ast.AlterAction} and
 * {@link io.phantomdb.sql.ast.TypeName} (mapped to a core column type by
 * {@link io.phantomdb.sql.ast.TypeName#toColumnType()}).
 * <p>
 * Every node carries the 1-based character position of its first token. Names are already case-folded
 * (unquoted to lower case, quoted kept). Lists in nodes are unmodifiable; optional parts are null
 * (single values) or empty (lists).
 * <p>
 * Nodes are immutable and may be shared between threads, e.g. cached prepared statements.
 */
package io.phantomdb.sql.ast;
