package io.phantomdb.sql.parse;

/**
 * The kinds of tokens the {@link Lexer} produces.
 * <p>
 * <b>Note:</b> immutable; thread safe.
 */
enum TokenType
{
    /** An unquoted word, folded to lower case; may be a {@link Keyword}. */
    IDENT,
    /** A "quoted" identifier, case kept. */
    QUOTED_IDENT,
    /** A string constant, escapes resolved. */
    STRING,
    /** An integer constant that fits a long. */
    INTEGER,
    /** A numeric constant with a point or exponent, or an integer too big for a long. */
    NUMERIC,
    /** {@code ?}: a parameter or the JSON has-key operator, by position. */
    QMARK,
    /** {@code $n}. */
    DOLLAR_PARAM,
    /** (. */
    LPAREN,
    /** ). */
    RPAREN,
    /** ,. */
    COMMA,
    /** ;. */
    SEMICOLON,
    /** .. */
    DOT,
    /** [. */
    LBRACKET,
    /** ]. */
    RBRACKET,
    /** +. */
    PLUS,
    /** -. */
    MINUS,
    /** *. */
    STAR,
    /** /. */
    SLASH,
    /** %. */
    PERCENT,
    /** ^. */
    CARET,
    /** =. */
    EQ,
    /** &lt;&gt; or !=. */
    NE,
    /** &lt;. */
    LT,
    /** &lt;=. */
    LE,
    /** &gt;. */
    GT,
    /** &gt;=. */
    GE,
    /** ||. */
    CONCAT,
    /** -&gt;. */
    ARROW,
    /** -&gt;&gt;. */
    ARROW_TEXT,
    /** #&gt;. */
    HASH_ARROW,
    /** #&gt;&gt;. */
    HASH_ARROW_TEXT,
    /** @&gt;. */
    CONTAINS,
    /** &lt;@. */
    CONTAINED,
    /** ?|. */
    QMARK_PIPE,
    /** ?&amp;. */
    QMARK_AMP,
    /** ::. */
    COLON_COLON,
    /** Any other operator character: always a syntax error where it appears. */
    OTHER,
    /** The end of the input. */
    EOF
}
