package io.phantomdb.sql.jdbc;

import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jooq.Record2;
import org.jooq.Result;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.table;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * jOOQ (PostgreSQL dialect) over a driver connection: DDL, inserts, conditions, mapping into records.
 */
class JooqTest
{
    /**
     * A row of {@code book}.
     *
     * @param id    the key.
     * @param title the title.
     * @param year  the year published.
     */
    public record Book(Long id, String title, Integer year)
    {
    }

    @Test
    void shouldCreateInsertAndSelectWhenUsingJooqDsl() throws SQLException
    {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        try (Connection conn = DriverManager.getConnection("jdbc:phantomdb:mem:jooq"))
        {
            final DSLContext ctx = DSL.using(conn, SQLDialect.POSTGRES);
            ctx.createTable("book")
                .column("id", SQLDataType.BIGINT.nullable(false))
                .column("title", SQLDataType.VARCHAR(100))
                .column("year", SQLDataType.INTEGER)
                .constraints(DSL.primaryKey("id"))
                .execute();
            final int inserted = ctx.insertInto(table("book"), field("id"), field("title"), field("year"))
                .values(1L, "Dune", 1965)
                .values(2L, "Neuromancer", 1984)
                .values(3L, "Anathem", 2008)
                .execute();
            assertEquals(3, inserted);

            final Result<Record2<Object, Object>> recent = ctx.select(field("id"), field("title"))
                .from(table("book"))
                .where(field("year", Integer.class).gt(1970))
                .orderBy(field("id"))
                .fetch();
            assertEquals(List.of("Neuromancer", "Anathem"), recent.getValues(field("title"), String.class));

            final List<Book> books = ctx.select(field("id"), field("title"), field("year"))
                .from(table("book"))
                .where(field("title", String.class).like("%e%").and(field("id", Long.class).ne(3L)))
                .orderBy(field("id").desc())
                .fetchInto(Book.class);
            assertEquals(List.of(new Book(2L, "Neuromancer", 1984), new Book(1L, "Dune", 1965)), books);

            final Record1<Object> returned = ctx.insertInto(table("book"), field("id"), field("title"), field("year"))
                .values(4L, "Hyperion", 1989)
                .returningResult(field("title"))
                .fetchOne();
            assertEquals("Hyperion", returned.get(0));
            ctx.transaction(configuration ->
            {
                DSL.using(configuration).deleteFrom(table("book")).where(field("id").eq(4L)).execute();
                DSL.using(configuration).insertInto(table("book"), field("id"), field("title")).values(5L, "Ubik").execute();
            });
            assertEquals(List.of(1L, 2L, 3L, 5L), ctx.select(field("id", Long.class)).from(table("book"))
                .orderBy(field("id")).fetch(field("id", Long.class)));
            assertEquals(1, ctx.deleteFrom(table("book")).where(field("id").eq(5L)).execute());
            assertEquals(1, ctx.update(table("book")).set(field("year"), 1966).where(field("id").eq(1L)).execute());
            assertEquals(1, ctx.deleteFrom(table("book")).where(field("id").eq(3L)).execute());
            assertEquals(2, ctx.fetchCount(table("book")));
        }
    }
}
