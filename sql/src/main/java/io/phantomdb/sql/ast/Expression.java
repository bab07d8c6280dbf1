package io.phantomdb.sql.ast;

import java.util.List;

/**
 * A scalar expression. Special syntax is reduced to function calls where PostgreSQL does the same:
 * {@code EXTRACT(f FROM x)} is {@code extract('f', x)}, {@code SUBSTRING(x FROM a FOR b)} is
 * {@code substring(x, a, b)}, {@code POSITION(a IN b)} is {@code position(a, b)}, {@code TRIM(LEADING c FROM x)}
 * is {@code ltrim(x, c)} (also {@code rtrim}, {@code btrim}), {@code CURRENT_DATE} and friends are
 * calls without arguments named {@code current_date}, {@code current_time}, {@code current_timestamp},
 * {@code localtimestamp}, {@code localtime}; COALESCE, NULLIF, GREATEST and LEAST are plain calls.
 * A minus sign directly before a numeric literal is folded into the literal.
 * <p>
 * <b>Note:</b> immutable records; thread safe.
 */
public sealed interface Expression extends Node
{
    /**
     * NULL.
     *
     * @param position 1-based offset.
     */
    record NullLiteral(int position) implements Expression
    {
    }

    /**
     * TRUE or FALSE.
     *
     * @param position 1-based offset.
     * @param value    the value.
     */
    record BooleanLiteral(int position, boolean value) implements Expression
    {
    }

    /**
     * An integer literal that fits a {@code long}.
     *
     * @param position 1-based offset.
     * @param value    the value.
     */
    record IntegerLiteral(int position, long value) implements Expression
    {
    }

    /**
     * A numeric literal with a decimal point or an exponent, or an integer too large for a {@code long}:
     * the text as written (readable by {@link java.math.BigDecimal#BigDecimal(String)}).
     *
     * @param position 1-based offset.
     * @param text     the literal text, with a leading '-' when negated.
     * @param exponent true when written with an exponent (e.g. {@code 1e10}).
     */
    record NumericLiteral(int position, String text, boolean exponent) implements Expression
    {
    }

    /**
     * A string constant, escapes already resolved ({@code 'it''s'}, {@code E'\n'}, {@code $$..$$}).
     *
     * @param position 1-based offset.
     * @param value    the decoded value.
     */
    record StringLiteral(int position, String value) implements Expression
    {
    }

    /**
     * {@code type 'text'}, e.g. {@code DATE '2020-01-01'}; the binder converts the text.
     *
     * @param position 1-based offset of the type.
     * @param type     the type.
     * @param value    the decoded string.
     */
    record TypedLiteral(int position, TypeName type, String value) implements Expression
    {
    }

    /**
     * DEFAULT as a value in INSERT ... VALUES or UPDATE ... SET.
     *
     * @param position 1-based offset.
     */
    record DefaultValue(int position) implements Expression
    {
    }

    /**
     * A parameter: {@code ?} (numbered in order of appearance) or {@code $n}.
     *
     * @param position 1-based offset.
     * @param index    the 1-based parameter number.
     */
    record Parameter(int position, int index) implements Expression
    {
    }

    /**
     * {@code column}, {@code table.column} or {@code schema.table.column}.
     *
     * @param position 1-based offset of the first part.
     * @param schema   the schema, or null.
     * @param table    the table or alias, or null.
     * @param column   the column name.
     */
    record ColumnRef(int position, String schema, String table, String column) implements Expression
    {
    }

    /**
     * A prefix operator.
     *
     * @param position 1-based offset of the operator.
     * @param operator the operator.
     * @param operand  the operand.
     */
    record Unary(int position, UnaryOperator operator, Expression operand) implements Expression
    {
    }

    /**
     * An infix operator (arithmetic, comparison, logic, concatenation, JSON, IS [NOT] DISTINCT FROM).
     *
     * @param position 1-based offset of the operator.
     * @param operator the operator.
     * @param left     left operand.
     * @param right    right operand.
     */
    record Binary(int position, BinaryOperator operator, Expression left, Expression right) implements Expression
    {
    }

    /**
     * {@code operand IS [NOT] NULL}.
     *
     * @param position 1-based offset of IS.
     * @param operand  the tested value.
     * @param negated  true for IS NOT NULL.
     */
    record IsNull(int position, Expression operand, boolean negated) implements Expression
    {
    }

    /**
     * {@code operand IS [NOT] TRUE | FALSE | UNKNOWN}.
     *
     * @param position 1-based offset of IS.
     * @param operand  the tested value.
     * @param truth    the truth value tested for.
     * @param negated  true for IS NOT.
     */
    record IsTruth(int position, Expression operand, Truth truth, boolean negated) implements Expression
    {
    }

    /**
     * {@code operand [NOT] BETWEEN [SYMMETRIC] low AND high}.
     *
     * @param position  1-based offset of BETWEEN (or NOT).
     * @param operand   the tested value.
     * @param low       lower bound.
     * @param high      upper bound.
     * @param negated   true for NOT BETWEEN.
     * @param symmetric true for BETWEEN SYMMETRIC.
     */
    record Between(
        int position, Expression operand, Expression low, Expression high, boolean negated, boolean symmetric)
        implements Expression
    {
    }

    /**
     * {@code operand [NOT] IN (values)}.
     *
     * @param position 1-based offset of IN (or NOT).
     * @param operand  the tested value.
     * @param values   the list (never empty).
     * @param negated  true for NOT IN.
     */
    record InList(int position, Expression operand, List<Expression> values, boolean negated) implements Expression
    {
    }

    /**
     * {@code operand [NOT] IN (query)}.
     *
     * @param position 1-based offset of IN (or NOT).
     * @param operand  the tested value.
     * @param query    the subquery.
     * @param negated  true for NOT IN.
     */
    record InSubquery(int position, Expression operand, Statement.Query query, boolean negated) implements Expression
    {
    }

    /**
     * {@code operand [NOT] LIKE | ILIKE | SIMILAR TO pattern [ESCAPE escape]}.
     *
     * @param position 1-based offset of the operator (or NOT).
     * @param kind     LIKE, ILIKE or SIMILAR TO.
     * @param operand  the tested value.
     * @param pattern  the pattern.
     * @param escape   the escape character expression, or null.
     * @param negated  true for NOT.
     */
    record Like(int position, LikeKind kind, Expression operand, Expression pattern, Expression escape, boolean negated)
        implements Expression
    {
    }

    /**
     * {@code EXISTS (query)}.
     *
     * @param position 1-based offset of EXISTS.
     * @param query    the subquery.
     */
    record Exists(int position, Statement.Query query) implements Expression
    {
    }

    /**
     * {@code (query)} used as a value.
     *
     * @param position 1-based offset of the parenthesis.
     * @param query    the subquery.
     */
    record ScalarSubquery(int position, Statement.Query query) implements Expression
    {
    }

    /**
     * {@code operand op ANY|SOME|ALL (query)}.
     *
     * @param position   1-based offset of the operator.
     * @param operator   the comparison operator.
     * @param quantifier ANY (also written SOME) or ALL.
     * @param operand    the left operand.
     * @param query      the subquery.
     */
    record Quantified(
        int position, BinaryOperator operator, Quantifier quantifier, Expression operand, Statement.Query query)
        implements Expression
    {
    }

    /**
     * {@code CASE [operand] WHEN ... THEN ... [ELSE ...] END}.
     *
     * @param position   1-based offset of CASE.
     * @param operand    the simple-CASE operand, or null for a searched CASE.
     * @param whens      the WHEN clauses (never empty).
     * @param elseResult the ELSE value, or null.
     */
    record Case(int position, Expression operand, List<When> whens, Expression elseResult) implements Expression
    {
    }

    /**
     * {@code WHEN condition THEN result} of a CASE; for a simple CASE the condition is the compared value.
     *
     * @param position  1-based offset of WHEN.
     * @param condition the condition or compared value.
     * @param result    the result.
     */
    record When(int position, Expression condition, Expression result) implements Node
    {
    }

    /**
     * {@code CAST(operand AS type)} or {@code operand::type}.
     *
     * @param position 1-based offset of CAST or of the {@code ::}.
     * @param operand  the value.
     * @param type     the target type.
     */
    record Cast(int position, Expression operand, TypeName type) implements Expression
    {
    }

    /**
     * A function call: {@code name([DISTINCT] args) [FILTER (WHERE condition)]} or {@code name(*)}.
     *
     * @param position  1-based offset of the name.
     * @param schema    schema qualifier, or null.
     * @param name      the function name, lower case unless quoted.
     * @param arguments the arguments, empty for {@code f()} and {@code f(*)}.
     * @param distinct  true for {@code f(DISTINCT ...)}.
     * @param star      true for {@code f(*)}.
     * @param filter    the FILTER condition, or null.
     */
    record FunctionCall(
        int position, String schema, String name, List<Expression> arguments, boolean distinct, boolean star,
        Expression filter) implements Expression
    {
    }

    /**
     * Prefix operators.
     */
    enum UnaryOperator
    {
        /** Unary minus. */
        NEGATE,
        /** Unary plus. */
        PLUS,
        /** NOT. */
        NOT
    }

    /**
     * Infix operators, with the SQL spelling.
     */
    enum BinaryOperator
    {
        /** OR. */
        OR("OR"),
        /** AND. */
        AND("AND"),
        /** =. */
        EQUAL("="),
        /** &lt;&gt; or !=. */
        NOT_EQUAL("<>"),
        /** &lt;. */
        LESS("<"),
        /** &lt;=. */
        LESS_EQUAL("<="),
        /** &gt;. */
        GREATER(">"),
        /** &gt;=. */
        GREATER_EQUAL(">="),
        /** IS DISTINCT FROM. */
        IS_DISTINCT_FROM("IS DISTINCT FROM"),
        /** IS NOT DISTINCT FROM. */
        IS_NOT_DISTINCT_FROM("IS NOT DISTINCT FROM"),
        /** ||. */
        CONCAT("||"),
        /** JSON field or element: -&gt;. */
        JSON_GET("->"),
        /** JSON field or element as text: -&gt;&gt;. */
        JSON_GET_TEXT("->>"),
        /** JSON path: #&gt;. */
        JSON_PATH("#>"),
        /** JSON path as text: #&gt;&gt;. */
        JSON_PATH_TEXT("#>>"),
        /** JSON contains: @&gt;. */
        JSON_CONTAINS("@>"),
        /** JSON is contained by: &lt;@. */
        JSON_CONTAINED("<@"),
        /** JSON has key: ?. */
        JSON_HAS_KEY("?"),
        /** JSON has any of the keys: ?|. */
        JSON_HAS_ANY("?|"),
        /** JSON has all of the keys: ?&amp;. */
        JSON_HAS_ALL("?&"),
        /** +. */
        ADD("+"),
        /** Binary minus. */
        SUBTRACT("-"),
        /** *. */
        MULTIPLY("*"),
        /** /. */
        DIVIDE("/"),
        /** %. */
        MODULO("%"),
        /** ^ (exponentiation). */
        POWER("^");

        private final String symbol;

        BinaryOperator(final String symbol)
        {
            this.symbol = symbol;
        }

        /**
         * @return the SQL spelling of the operator.
         */
        public String symbol()
        {
            return symbol;
        }
    }

    /**
     * The truth values of IS [NOT] TRUE / FALSE / UNKNOWN.
     */
    enum Truth
    {
        /** TRUE. */
        TRUE,
        /** FALSE. */
        FALSE,
        /** UNKNOWN (null). */
        UNKNOWN
    }

    /**
     * Pattern-matching operators.
     */
    enum LikeKind
    {
        /** LIKE. */
        LIKE,
        /** ILIKE (case-insensitive LIKE). */
        ILIKE,
        /** SIMILAR TO. */
        SIMILAR
    }

    /**
     * Subquery quantifiers.
     */
    enum Quantifier
    {
        /** ANY or SOME. */
        ANY,
        /** ALL. */
        ALL
    }
}
