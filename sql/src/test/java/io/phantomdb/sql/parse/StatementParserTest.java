package io.phantomdb.sql.parse;

import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.ast.AlterAction;
import io.phantomdb.sql.ast.Constraint;
import io.phantomdb.sql.ast.Expression;
import io.phantomdb.sql.ast.QueryBody;
import io.phantomdb.sql.ast.SelectItem;
import io.phantomdb.sql.ast.Statement;
import io.phantomdb.sql.ast.TypeName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatementParserTest
{
    private static <T> T parse(final Class<T> type, final String sql)
    {
        return assertInstanceOf(type, SqlParser.parse(sql));
    }

    @Test
    void shouldParseCreateTableWithColumnAndTableConstraints()
    {
        final Statement.CreateTable create = parse(Statement.CreateTable.class,
            "CREATE TABLE IF NOT EXISTS s.\"Orders\" (id BIGINT PRIMARY KEY, name VARCHAR(20) NOT NULL UNIQUE, "
            + "price NUMERIC(10,2) DEFAULT 0 CHECK (price >= 0), note text NULL, at timestamp without time zone, "
            + "ok bool DEFAULT true NOT NULL, d double precision, c character varying(5), j jsonb, "
            + "ref int REFERENCES other (id) ON DELETE CASCADE, "
            + "CONSTRAINT pk PRIMARY KEY (id, name), UNIQUE (name), CHECK (price < 100), "
            + "FOREIGN KEY (ref) REFERENCES other) WITH (storage = 'lsm')");
        assertTrue(create.ifNotExists());
        assertEquals("s", create.name().schema());
        assertEquals("Orders", create.name().name());
        assertEquals(10, create.columns().size());
        assertEquals("lsm", create.storage());
        assertInstanceOf(Constraint.PrimaryKey.class, create.columns().get(0).constraints().get(0));
        assertEquals(ColumnType.varchar(20), create.columns().get(1).type().toColumnType());
        assertEquals(2, create.columns().get(1).constraints().size());
        assertEquals(ColumnType.numeric(10, 2), create.columns().get(2).type().toColumnType());
        final Constraint.Default def = (Constraint.Default)create.columns().get(2).constraints().get(0);
        assertEquals("0", Sexpr.render(def.value()));
        assertInstanceOf(Constraint.Nullable.class, create.columns().get(3).constraints().get(0));
        assertEquals(ColumnType.TIMESTAMP, create.columns().get(4).type().toColumnType());
        assertEquals(ColumnType.DOUBLE_PRECISION, create.columns().get(6).type().toColumnType());
        assertEquals(ColumnType.varchar(5), create.columns().get(7).type().toColumnType());
        assertEquals(ColumnType.JSON, create.columns().get(8).type().toColumnType());
        assertInstanceOf(Constraint.References.class, create.columns().get(9).constraints().get(0));
        assertTrue(create.columns().get(0).isPrimaryKey());
        assertTrue(create.columns().get(0).isNotNull());
        assertTrue(create.columns().get(1).isUnique());
        assertTrue(create.columns().get(5).isNotNull());
        assertFalse(create.columns().get(3).isNotNull());
        assertEquals("true", Sexpr.render(create.columns().get(5).defaultValue()));
        assertNull(create.columns().get(3).defaultValue());
        assertEquals(4, create.constraints().size());
        assertEquals("pk", create.constraints().get(0).name());
        assertEquals(List.of("id", "name"), ((Constraint.PrimaryKey)create.constraints().get(0)).columns());
    }

    @Test
    void shouldMapTypeNamesToColumnTypesAndRejectUnknownOnes()
    {
        assertEquals(ColumnType.INTEGER, new TypeName(1, "int4", List.of()).toColumnType());
        assertEquals(ColumnType.REAL, new TypeName(1, "float", List.of(24)).toColumnType());
        assertEquals(ColumnType.character(1), new TypeName(1, "char", List.of()).toColumnType());
        final SqlException unknown =
            assertThrows(SqlException.class, () -> new TypeName(7, "money", List.of()).toColumnType());
        assertEquals("42704", unknown.sqlState());
        assertEquals("type \"money\" does not exist", unknown.getMessage());
        assertEquals(7, unknown.position());
        assertEquals("22023",
            assertThrows(SqlException.class, () -> new TypeName(1, "numeric", List.of(2000)).toColumnType()).sqlState());
    }

    @Test
    void shouldRejectUnknownStorageWhenCreatingTable()
    {
        final SqlException ex = assertThrows(SqlException.class,
            () -> SqlParser.parse("CREATE TABLE t (a int) WITH (storage = 'heap')"));
        assertEquals("22023", ex.sqlState());
    }

    @Test
    void shouldParseCreateIndexWithExpressionsAndOrder()
    {
        final Statement.CreateIndex index = parse(Statement.CreateIndex.class,
            "CREATE UNIQUE INDEX IF NOT EXISTS ix ON t USING lsm (a DESC NULLS FIRST, (lower(b)), key)");
        assertTrue(index.unique());
        assertTrue(index.ifNotExists());
        assertEquals("ix", index.name());
        assertEquals("lsm", index.method());
        assertEquals(3, index.keys().size());
        assertTrue(index.keys().get(0).descending());
        assertEquals("lower(b)", Sexpr.render(index.keys().get(1).expression()));
        assertEquals("key", Sexpr.render(index.keys().get(2).expression()));
        assertNull(parse(Statement.CreateIndex.class, "CREATE INDEX ON t (a)").name());
    }

    @Test
    void shouldParseDropAndAlterStatements()
    {
        final Statement.DropTable drop = parse(Statement.DropTable.class, "DROP TABLE IF EXISTS a, s.b");
        assertTrue(drop.ifExists());
        assertEquals(2, drop.names().size());
        assertFalse(parse(Statement.DropIndex.class, "DROP INDEX ix").ifExists());
        parse(Statement.DropView.class, "DROP VIEW v RESTRICT");
        final Statement.AlterTable alter =
            parse(Statement.AlterTable.class, "ALTER TABLE t ADD COLUMN c int NOT NULL DEFAULT 1, DROP IF EXISTS d");
        assertEquals(2, alter.actions().size());
        assertEquals("c", ((AlterAction.AddColumn)alter.actions().get(0)).column().name());
        assertTrue(((AlterAction.DropColumn)alter.actions().get(1)).ifExists());
        assertEquals("0A000", assertThrows(SqlException.class, () -> SqlParser.parse("DROP TABLE t CASCADE")).sqlState());
    }

    @Test
    void shouldParseCreateViewWithColumns()
    {
        final Statement.CreateView view =
            parse(Statement.CreateView.class, "CREATE OR REPLACE VIEW v (x) AS SELECT a FROM t");
        assertTrue(view.orReplace());
        assertEquals(List.of("x"), view.columns());
        assertInstanceOf(QueryBody.Select.class, view.query().body());
    }

    @Test
    void shouldParseInsertWithValuesConflictAndReturning()
    {
        final Statement.Insert insert = parse(Statement.Insert.class,
            "INSERT INTO t (a, b) VALUES (1, DEFAULT), (?, ?) ON CONFLICT (a) DO UPDATE SET b = b + 1 WHERE t.a > 0 "
            + "RETURNING *, a AS x");
        assertEquals(List.of("a", "b"), insert.columns());
        final QueryBody.Values values = (QueryBody.Values)insert.source().body();
        assertInstanceOf(Expression.DefaultValue.class, values.rows().get(0).get(1));
        assertFalse(insert.onConflict().doNothing());
        assertEquals("(+ b 1)", Sexpr.render(insert.onConflict().assignments().get(0).value()));
        assertEquals(2, insert.returning().size());
        assertEquals(2, SqlParser.prepare("INSERT INTO t VALUES (?, ?)").parameterCount());
        final Statement.Insert nothing =
            parse(Statement.Insert.class, "INSERT INTO t SELECT * FROM u ON CONFLICT DO NOTHING");
        assertTrue(nothing.onConflict().doNothing());
        assertTrue(nothing.columns().isEmpty());
        assertNull(parse(Statement.Insert.class, "INSERT INTO t DEFAULT VALUES").source());
        final Statement.Insert parenthesised = parse(Statement.Insert.class, "INSERT INTO t (SELECT 1)");
        assertTrue(parenthesised.columns().isEmpty());
    }

    @Test
    void shouldParseUpdateAndDelete()
    {
        final Statement.Update update = parse(Statement.Update.class,
            "UPDATE t AS x SET a = DEFAULT, b = u.b FROM u WHERE x.id = u.id RETURNING x.a");
        assertEquals("x", update.alias());
        assertEquals(2, update.assignments().size());
        assertInstanceOf(Expression.DefaultValue.class, update.assignments().get(0).value());
        assertEquals(1, update.from().size());
        assertInstanceOf(SelectItem.ExpressionItem.class, update.returning().get(0));
        assertNull(parse(Statement.Update.class, "UPDATE t SET a = 1").alias());
        final Statement.Delete delete = parse(Statement.Delete.class, "DELETE FROM t d WHERE d.a = 1 RETURNING *");
        assertEquals("d", delete.alias());
        assertEquals("(= d.a 1)", Sexpr.render(delete.where()));
    }

    @Test
    void shouldParseTransactionStatements()
    {
        final Statement.Begin begin =
            parse(Statement.Begin.class, "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
        assertEquals(Statement.IsolationLevel.REPEATABLE_READ, begin.isolation());
        assertEquals(Statement.AccessMode.READ_ONLY, begin.accessMode());
        final Statement.Begin start = parse(Statement.Begin.class, "START TRANSACTION READ WRITE");
        assertNull(start.isolation());
        assertEquals(Statement.AccessMode.READ_WRITE, start.accessMode());
        parse(Statement.Begin.class, "begin work");
        parse(Statement.Commit.class, "COMMIT");
        parse(Statement.Commit.class, "END TRANSACTION");
        parse(Statement.Rollback.class, "ROLLBACK WORK");
        parse(Statement.Rollback.class, "ABORT");
        assertEquals("sp", parse(Statement.Savepoint.class, "SAVEPOINT sp").name());
        assertEquals("sp", parse(Statement.ReleaseSavepoint.class, "RELEASE SAVEPOINT sp").name());
        assertEquals("sp", parse(Statement.RollbackToSavepoint.class, "ROLLBACK TO sp").name());
        final Statement.SetTransaction set =
            parse(Statement.SetTransaction.class, "SET TRANSACTION ISOLATION LEVEL READ UNCOMMITTED");
        assertFalse(set.session());
        assertEquals(Statement.IsolationLevel.READ_UNCOMMITTED, set.isolation());
        final Statement.SetTransaction session = parse(Statement.SetTransaction.class,
            "SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SERIALIZABLE");
        assertTrue(session.session());
        assertEquals(Statement.IsolationLevel.SERIALIZABLE, session.isolation());
        assertEquals(Statement.IsolationLevel.READ_COMMITTED,
            parse(Statement.Begin.class, "BEGIN TRANSACTION ISOLATION LEVEL READ COMMITTED").isolation());
    }

    @Test
    void shouldParseSetShowAndExplain()
    {
        final Statement.SetVariable set = parse(Statement.SetVariable.class, "SET search_path TO public, 'x'");
        assertEquals("search_path", set.name());
        assertEquals(List.of("public", "x"), set.values());
        assertEquals(List.of("-5"), parse(Statement.SetVariable.class, "SET LOCAL a.b = -5").values());
        assertTrue(parse(Statement.SetVariable.class, "SET x TO DEFAULT").values().isEmpty());
        assertEquals("timezone", parse(Statement.SetVariable.class, "SET TIME ZONE 'UTC'").name());
        assertEquals("server_version", parse(Statement.Show.class, "SHOW server_version").name());
        assertEquals("all", parse(Statement.Show.class, "SHOW ALL").name());
        assertEquals("transaction_isolation",
            parse(Statement.Show.class, "SHOW TRANSACTION ISOLATION LEVEL").name());
        final Statement.Explain explain = parse(Statement.Explain.class, "EXPLAIN ANALYZE VERBOSE SELECT 1");
        assertTrue(explain.analyze());
        assertTrue(explain.verbose());
        final Statement.Explain options = parse(Statement.Explain.class, "EXPLAIN (ANALYZE, VERBOSE false) DELETE FROM t");
        assertTrue(options.analyze());
        assertFalse(options.verbose());
        assertInstanceOf(Statement.Delete.class, options.statement());
    }

    @Test
    void shouldAcceptNonReservedKeywordsAsColumnNamesInDml()
    {
        final Statement.Insert insert = parse(Statement.Insert.class,
            "INSERT INTO kv (name, key, value, level, data, position, type) VALUES (1, 2, 3, 4, 5, 6, 7)");
        assertEquals(List.of("name", "key", "value", "level", "data", "position", "type"), insert.columns());
        final Statement.Update update =
            parse(Statement.Update.class, "UPDATE kv SET level = level + 1, value = 'v' WHERE key = 'k'");
        assertEquals("level", update.assignments().get(0).column());
        parse(Statement.Query.class, "SELECT key, value, date, time, text, json FROM kv AS data ORDER BY position");
    }

    @Test
    void shouldRejectNullText()
    {
        assertEquals("42601", assertThrows(SqlException.class, () -> SqlParser.parse(null)).sqlState());
    }

    @Test
    void shouldParseUserStatements()
    {
        final Statement.CreateUser create = parse(Statement.CreateUser.class, "CREATE USER bob WITH PASSWORD 'secret'");
        assertEquals("bob", create.name());
        assertEquals("secret", create.password());
        assertEquals("new", parse(Statement.AlterUser.class, "ALTER ROLE bob PASSWORD 'new'").password());
        final Statement.DropUser drop = parse(Statement.DropUser.class, "DROP USER IF EXISTS bob, alice");
        assertEquals(List.of("bob", "alice"), drop.names());
    }

    @Test
    void shouldParseScriptsIntoStatementsWithPositionsInTheScript()
    {
        final List<Statement> statements = SqlParser.parseScript(";;SELECT 1;\n INSERT INTO t VALUES (1);;");
        assertEquals(2, statements.size());
        assertEquals(3, statements.get(0).position());
        assertEquals(14, statements.get(1).position());
        assertTrue(SqlParser.parseScript(" -- nothing\n").isEmpty());
        final List<ParsedStatement> prepared = SqlParser.prepareScript("SELECT ?; SELECT ?, ?");
        assertEquals(1, prepared.get(0).parameterCount());
        assertEquals(2, prepared.get(1).parameterCount());
    }
}
