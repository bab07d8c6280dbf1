package io.phantomdb.sql.parse;

/**
 * The words the parser recognises, each with its PostgreSQL category: reserved words cannot be column or
 * table names; type/function-name words may name functions but not columns; unreserved words are keywords
 * only where the grammar expects them and identifiers elsewhere. {@link #lookup(String)} is a string switch
 * (a hash dispatch compiled by javac).
 * <p>
 * <b>Note:</b> immutable; thread safe.
 */
enum Keyword
{
    /** ABORT. */
    ABORT(Category.UNRESERVED),
    /** ACTION. */
    ACTION(Category.UNRESERVED),
    /** ADD. */
    ADD(Category.UNRESERVED),
    /** ALL. */
    ALL(Category.RESERVED),
    /** ALTER. */
    ALTER(Category.UNRESERVED),
    /** ANALYZE. */
    ANALYZE(Category.RESERVED),
    /** AND. */
    AND(Category.RESERVED),
    /** ANY. */
    ANY(Category.RESERVED),
    /** ARRAY. */
    ARRAY(Category.RESERVED),
    /** AS. */
    AS(Category.RESERVED),
    /** ASC. */
    ASC(Category.RESERVED),
    /** ASYMMETRIC. */
    ASYMMETRIC(Category.RESERVED),
    /** AUTHORIZATION. */
    AUTHORIZATION(Category.TYPE_FUNC),
    /** BEGIN. */
    BEGIN(Category.UNRESERVED),
    /** BETWEEN. */
    BETWEEN(Category.RESERVED),
    /** BINARY. */
    BINARY(Category.TYPE_FUNC),
    /** BOTH. */
    BOTH(Category.RESERVED),
    /** BY. */
    BY(Category.UNRESERVED),
    /** CASCADE. */
    CASCADE(Category.UNRESERVED),
    /** CASE. */
    CASE(Category.RESERVED),
    /** CAST. */
    CAST(Category.RESERVED),
    /** CHAIN. */
    CHAIN(Category.UNRESERVED),
    /** CHARACTERISTICS. */
    CHARACTERISTICS(Category.UNRESERVED),
    /** CHECK. */
    CHECK(Category.RESERVED),
    /** COLLATE. */
    COLLATE(Category.RESERVED),
    /** COLLATION. */
    COLLATION(Category.TYPE_FUNC),
    /** COLUMN. */
    COLUMN(Category.RESERVED),
    /** COMMIT. */
    COMMIT(Category.UNRESERVED),
    /** COMMITTED. */
    COMMITTED(Category.UNRESERVED),
    /** CONCURRENTLY. */
    CONCURRENTLY(Category.TYPE_FUNC),
    /** CONFLICT. */
    CONFLICT(Category.UNRESERVED),
    /** CONSTRAINT. */
    CONSTRAINT(Category.RESERVED),
    /** CREATE. */
    CREATE(Category.RESERVED),
    /** CROSS. */
    CROSS(Category.TYPE_FUNC),
    /** CURRENT_DATE. */
    CURRENT_DATE(Category.RESERVED),
    /** CURRENT_ROLE. */
    CURRENT_ROLE(Category.RESERVED),
    /** CURRENT_SCHEMA. */
    CURRENT_SCHEMA(Category.TYPE_FUNC),
    /** CURRENT_TIME. */
    CURRENT_TIME(Category.RESERVED),
    /** CURRENT_TIMESTAMP. */
    CURRENT_TIMESTAMP(Category.RESERVED),
    /** CURRENT_USER. */
    CURRENT_USER(Category.RESERVED),
    /** DEFAULT. */
    DEFAULT(Category.RESERVED),
    /** DEFERRABLE. */
    DEFERRABLE(Category.RESERVED),
    /** DELETE. */
    DELETE(Category.UNRESERVED),
    /** DESC. */
    DESC(Category.RESERVED),
    /** DISTINCT. */
    DISTINCT(Category.RESERVED),
    /** DO. */
    DO(Category.RESERVED),
    /** DROP. */
    DROP(Category.UNRESERVED),
    /** ELSE. */
    ELSE(Category.RESERVED),
    /** END. */
    END(Category.RESERVED),
    /** ESCAPE. */
    ESCAPE(Category.UNRESERVED),
    /** EXCEPT. */
    EXCEPT(Category.RESERVED),
    /** EXISTS. */
    EXISTS(Category.UNRESERVED),
    /** EXPLAIN. */
    EXPLAIN(Category.UNRESERVED),
    /** EXTRACT. */
    EXTRACT(Category.UNRESERVED),
    /** FALSE. */
    FALSE(Category.RESERVED),
    /** FETCH. */
    FETCH(Category.RESERVED),
    /** FILTER. */
    FILTER(Category.UNRESERVED),
    /** FIRST. */
    FIRST(Category.UNRESERVED),
    /** FOR. */
    FOR(Category.RESERVED),
    /** FOREIGN. */
    FOREIGN(Category.RESERVED),
    /** FREEZE. */
    FREEZE(Category.TYPE_FUNC),
    /** FROM. */
    FROM(Category.RESERVED),
    /** FULL. */
    FULL(Category.TYPE_FUNC),
    /** GRANT. */
    GRANT(Category.RESERVED),
    /** GROUP. */
    GROUP(Category.RESERVED),
    /** HAVING. */
    HAVING(Category.RESERVED),
    /** IF. */
    IF(Category.UNRESERVED),
    /** ILIKE. */
    ILIKE(Category.TYPE_FUNC),
    /** IN. */
    IN(Category.RESERVED),
    /** INDEX. */
    INDEX(Category.UNRESERVED),
    /** INITIALLY. */
    INITIALLY(Category.RESERVED),
    /** INNER. */
    INNER(Category.TYPE_FUNC),
    /** INSERT. */
    INSERT(Category.UNRESERVED),
    /** INTERSECT. */
    INTERSECT(Category.RESERVED),
    /** INTERVAL. */
    INTERVAL(Category.UNRESERVED),
    /** INTO. */
    INTO(Category.RESERVED),
    /** IS. */
    IS(Category.TYPE_FUNC),
    /** ISNULL. */
    ISNULL(Category.TYPE_FUNC),
    /** ISOLATION. */
    ISOLATION(Category.UNRESERVED),
    /** JOIN. */
    JOIN(Category.TYPE_FUNC),
    /** KEY. */
    KEY(Category.UNRESERVED),
    /** LAST. */
    LAST(Category.UNRESERVED),
    /** LATERAL. */
    LATERAL(Category.RESERVED),
    /** LEADING. */
    LEADING(Category.RESERVED),
    /** LEFT. */
    LEFT(Category.TYPE_FUNC),
    /** LEVEL. */
    LEVEL(Category.UNRESERVED),
    /** LIKE. */
    LIKE(Category.TYPE_FUNC),
    /** LIMIT. */
    LIMIT(Category.RESERVED),
    /** LOCAL. */
    LOCAL(Category.UNRESERVED),
    /** LOCALTIME. */
    LOCALTIME(Category.RESERVED),
    /** LOCALTIMESTAMP. */
    LOCALTIMESTAMP(Category.RESERVED),
    /** LOCKED. */
    LOCKED(Category.UNRESERVED),
    /** NATURAL. */
    NATURAL(Category.TYPE_FUNC),
    /** NEXT. */
    NEXT(Category.UNRESERVED),
    /** NO. */
    NO(Category.UNRESERVED),
    /** NOT. */
    NOT(Category.RESERVED),
    /** NOTHING. */
    NOTHING(Category.UNRESERVED),
    /** NOTNULL. */
    NOTNULL(Category.TYPE_FUNC),
    /** NOWAIT. */
    NOWAIT(Category.UNRESERVED),
    /** NULL. */
    NULL(Category.RESERVED),
    /** NULLS. */
    NULLS(Category.UNRESERVED),
    /** OF. */
    OF(Category.UNRESERVED),
    /** OFFSET. */
    OFFSET(Category.RESERVED),
    /** ON. */
    ON(Category.RESERVED),
    /** ONLY. */
    ONLY(Category.RESERVED),
    /** OR. */
    OR(Category.RESERVED),
    /** ORDER. */
    ORDER(Category.RESERVED),
    /** OUTER. */
    OUTER(Category.TYPE_FUNC),
    /** OVER. */
    OVER(Category.UNRESERVED),
    /** OVERLAPS. */
    OVERLAPS(Category.TYPE_FUNC),
    /** PASSWORD. */
    PASSWORD(Category.UNRESERVED),
    /** PLACING. */
    PLACING(Category.RESERVED),
    /** POSITION. */
    POSITION(Category.UNRESERVED),
    /** PRIMARY. */
    PRIMARY(Category.RESERVED),
    /** READ. */
    READ(Category.UNRESERVED),
    /** RECURSIVE. */
    RECURSIVE(Category.UNRESERVED),
    /** REFERENCES. */
    REFERENCES(Category.RESERVED),
    /** RELEASE. */
    RELEASE(Category.UNRESERVED),
    /** REPEATABLE. */
    REPEATABLE(Category.UNRESERVED),
    /** REPLACE. */
    REPLACE(Category.UNRESERVED),
    /** RESTRICT. */
    RESTRICT(Category.UNRESERVED),
    /** RETURNING. */
    RETURNING(Category.RESERVED),
    /** RIGHT. */
    RIGHT(Category.TYPE_FUNC),
    /** ROLE. */
    ROLE(Category.UNRESERVED),
    /** ROLLBACK. */
    ROLLBACK(Category.UNRESERVED),
    /** ROW. */
    ROW(Category.UNRESERVED),
    /** ROWS. */
    ROWS(Category.UNRESERVED),
    /** SAVEPOINT. */
    SAVEPOINT(Category.UNRESERVED),
    /** SELECT. */
    SELECT(Category.RESERVED),
    /** SERIALIZABLE. */
    SERIALIZABLE(Category.UNRESERVED),
    /** SESSION. */
    SESSION(Category.UNRESERVED),
    /** SESSION_USER. */
    SESSION_USER(Category.RESERVED),
    /** SET. */
    SET(Category.UNRESERVED),
    /** SHARE. */
    SHARE(Category.UNRESERVED),
    /** SHOW. */
    SHOW(Category.UNRESERVED),
    /** SIMILAR. */
    SIMILAR(Category.TYPE_FUNC),
    /** SKIP. */
    SKIP(Category.UNRESERVED),
    /** SOME. */
    SOME(Category.RESERVED),
    /** START. */
    START(Category.UNRESERVED),
    /** SUBSTRING. */
    SUBSTRING(Category.UNRESERVED),
    /** SYMMETRIC. */
    SYMMETRIC(Category.RESERVED),
    /** TABLE. */
    TABLE(Category.RESERVED),
    /** TABLESAMPLE. */
    TABLESAMPLE(Category.TYPE_FUNC),
    /** THEN. */
    THEN(Category.RESERVED),
    /** TO. */
    TO(Category.RESERVED),
    /** TRAILING. */
    TRAILING(Category.RESERVED),
    /** TRANSACTION. */
    TRANSACTION(Category.UNRESERVED),
    /** TRIM. */
    TRIM(Category.UNRESERVED),
    /** TRUE. */
    TRUE(Category.RESERVED),
    /** UNCOMMITTED. */
    UNCOMMITTED(Category.UNRESERVED),
    /** UNION. */
    UNION(Category.RESERVED),
    /** UNIQUE. */
    UNIQUE(Category.RESERVED),
    /** UNKNOWN. */
    UNKNOWN(Category.UNRESERVED),
    /** UPDATE. */
    UPDATE(Category.UNRESERVED),
    /** USER. */
    USER(Category.RESERVED),
    /** USING. */
    USING(Category.RESERVED),
    /** VALUES. */
    VALUES(Category.UNRESERVED),
    /** VARIADIC. */
    VARIADIC(Category.RESERVED),
    /** VERBOSE. */
    VERBOSE(Category.TYPE_FUNC),
    /** VIEW. */
    VIEW(Category.UNRESERVED),
    /** WHEN. */
    WHEN(Category.RESERVED),
    /** WHERE. */
    WHERE(Category.RESERVED),
    /** WINDOW. */
    WINDOW(Category.RESERVED),
    /** WITH. */
    WITH(Category.RESERVED),
    /** WORK. */
    WORK(Category.UNRESERVED),
    /** WRITE. */
    WRITE(Category.UNRESERVED);

    /**
     * How freely a keyword may be used as a name.
     */
    enum Category
    {
        /** Never a column, table or function name unless quoted. */
        RESERVED,
        /** May name a function, not a column or table. */
        TYPE_FUNC,
        /** A keyword only where the grammar expects it. */
        UNRESERVED
    }

    private final Category category;

    Keyword(final Category category)
    {
        this.category = category;
    }

    /**
     * @return true when the word may be used as a column, table or other object name without quotes.
     */
    boolean isIdentifier()
    {
        return category == Category.UNRESERVED;
    }

    /**
     * @return true when the word may name a function.
     */
    boolean isFunctionName()
    {
        return category != Category.RESERVED;
    }

    /**
     * Finds the keyword spelled by a lower-case word.
     *
     * @param word the word, already folded to lower case.
     * @return the keyword, or null when the word is not a keyword.
     */
    static Keyword lookup(final String word)
    {
        switch (word)
        {
            case "abort":
                return ABORT;
            case "action":
                return ACTION;
            case "add":
                return ADD;
            case "all":
                return ALL;
            case "alter":
                return ALTER;
            case "analyze":
                return ANALYZE;
            case "and":
                return AND;
            case "any":
                return ANY;
            case "array":
                return ARRAY;
            case "as":
                return AS;
            case "asc":
                return ASC;
            case "asymmetric":
                return ASYMMETRIC;
            case "authorization":
                return AUTHORIZATION;
            case "begin":
                return BEGIN;
            case "between":
                return BETWEEN;
            case "binary":
                return BINARY;
            case "both":
                return BOTH;
            case "by":
                return BY;
            case "cascade":
                return CASCADE;
            case "case":
                return CASE;
            case "cast":
                return CAST;
            case "chain":
                return CHAIN;
            case "characteristics":
                return CHARACTERISTICS;
            case "check":
                return CHECK;
            case "collate":
                return COLLATE;
            case "collation":
                return COLLATION;
            case "column":
                return COLUMN;
            case "commit":
                return COMMIT;
            case "committed":
                return COMMITTED;
            case "concurrently":
                return CONCURRENTLY;
            case "conflict":
                return CONFLICT;
            case "constraint":
                return CONSTRAINT;
            case "create":
                return CREATE;
            case "cross":
                return CROSS;
            case "current_date":
                return CURRENT_DATE;
            case "current_role":
                return CURRENT_ROLE;
            case "current_schema":
                return CURRENT_SCHEMA;
            case "current_time":
                return CURRENT_TIME;
            case "current_timestamp":
                return CURRENT_TIMESTAMP;
            case "current_user":
                return CURRENT_USER;
            case "default":
                return DEFAULT;
            case "deferrable":
                return DEFERRABLE;
            case "delete":
                return DELETE;
            case "desc":
                return DESC;
            case "distinct":
                return DISTINCT;
            case "do":
                return DO;
            case "drop":
                return DROP;
            case "else":
                return ELSE;
            case "end":
                return END;
            case "escape":
                return ESCAPE;
            case "except":
                return EXCEPT;
            case "exists":
                return EXISTS;
            case "explain":
                return EXPLAIN;
            case "extract":
                return EXTRACT;
            case "false":
                return FALSE;
            case "fetch":
                return FETCH;
            case "filter":
                return FILTER;
            case "first":
                return FIRST;
            case "for":
                return FOR;
            case "foreign":
                return FOREIGN;
            case "freeze":
                return FREEZE;
            case "from":
                return FROM;
            case "full":
                return FULL;
            case "grant":
                return GRANT;
            case "group":
                return GROUP;
            case "having":
                return HAVING;
            case "if":
                return IF;
            case "ilike":
                return ILIKE;
            case "in":
                return IN;
            case "index":
                return INDEX;
            case "initially":
                return INITIALLY;
            case "inner":
                return INNER;
            case "insert":
                return INSERT;
            case "intersect":
                return INTERSECT;
            case "interval":
                return INTERVAL;
            case "into":
                return INTO;
            case "is":
                return IS;
            case "isnull":
                return ISNULL;
            case "isolation":
                return ISOLATION;
            case "join":
                return JOIN;
            case "key":
                return KEY;
            case "last":
                return LAST;
            case "lateral":
                return LATERAL;
            case "leading":
                return LEADING;
            case "left":
                return LEFT;
            case "level":
                return LEVEL;
            case "like":
                return LIKE;
            case "limit":
                return LIMIT;
            case "local":
                return LOCAL;
            case "localtime":
                return LOCALTIME;
            case "localtimestamp":
                return LOCALTIMESTAMP;
            case "locked":
                return LOCKED;
            case "natural":
                return NATURAL;
            case "next":
                return NEXT;
            case "no":
                return NO;
            case "not":
                return NOT;
            case "nothing":
                return NOTHING;
            case "notnull":
                return NOTNULL;
            case "nowait":
                return NOWAIT;
            case "null":
                return NULL;
            case "nulls":
                return NULLS;
            case "of":
                return OF;
            case "offset":
                return OFFSET;
            case "on":
                return ON;
            case "only":
                return ONLY;
            case "or":
                return OR;
            case "order":
                return ORDER;
            case "outer":
                return OUTER;
            case "over":
                return OVER;
            case "overlaps":
                return OVERLAPS;
            case "password":
                return PASSWORD;
            case "placing":
                return PLACING;
            case "position":
                return POSITION;
            case "primary":
                return PRIMARY;
            case "read":
                return READ;
            case "recursive":
                return RECURSIVE;
            case "references":
                return REFERENCES;
            case "release":
                return RELEASE;
            case "repeatable":
                return REPEATABLE;
            case "replace":
                return REPLACE;
            case "restrict":
                return RESTRICT;
            case "returning":
                return RETURNING;
            case "right":
                return RIGHT;
            case "role":
                return ROLE;
            case "rollback":
                return ROLLBACK;
            case "row":
                return ROW;
            case "rows":
                return ROWS;
            case "savepoint":
                return SAVEPOINT;
            case "select":
                return SELECT;
            case "serializable":
                return SERIALIZABLE;
            case "session":
                return SESSION;
            case "session_user":
                return SESSION_USER;
            case "set":
                return SET;
            case "share":
                return SHARE;
            case "show":
                return SHOW;
            case "similar":
                return SIMILAR;
            case "skip":
                return SKIP;
            case "some":
                return SOME;
            case "start":
                return START;
            case "substring":
                return SUBSTRING;
            case "symmetric":
                return SYMMETRIC;
            case "table":
                return TABLE;
            case "tablesample":
                return TABLESAMPLE;
            case "then":
                return THEN;
            case "to":
                return TO;
            case "trailing":
                return TRAILING;
            case "transaction":
                return TRANSACTION;
            case "trim":
                return TRIM;
            case "true":
                return TRUE;
            case "uncommitted":
                return UNCOMMITTED;
            case "union":
                return UNION;
            case "unique":
                return UNIQUE;
            case "unknown":
                return UNKNOWN;
            case "update":
                return UPDATE;
            case "user":
                return USER;
            case "using":
                return USING;
            case "values":
                return VALUES;
            case "variadic":
                return VARIADIC;
            case "verbose":
                return VERBOSE;
            case "view":
                return VIEW;
            case "when":
                return WHEN;
            case "where":
                return WHERE;
            case "window":
                return WINDOW;
            case "with":
                return WITH;
            case "work":
                return WORK;
            case "write":
                return WRITE;
            default:
                return null;
        }
    }
}
