package io.phantomdb.sql.parse;

import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlState;

import java.util.Arrays;

/**
 * Splits SQL text into tokens in one pass, without regular expressions. Tokens are kept in parallel arrays
 * (type, start, end, text, keyword, value) that the parser indexes; the last token is always
 * {@link TokenType#EOF}.
 * <p>
 * Handles {@code --} and nested {@code /* *}{@code /} comments, unquoted identifiers (ASCII letters folded to
 * lower case), {@code "quoted"} identifiers, {@code 'strings'} with {@code ''}, {@code E'...'} with
 * backslash escapes, {@code $tag$...$tag$} dollar quoting, numbers, {@code ?} and {@code $n} parameters and
 * the operators of {@link TokenType}.
 * <p>
 * <b>Note:</b> single use and not thread safe; one lexer per statement text.
 */
final class Lexer
{
    private static final int INITIAL_CAPACITY = 32;

    private final String sql;
    private final int length;
    private int count;
    private TokenType[] types = new TokenType[INITIAL_CAPACITY];
    private int[] starts = new int[INITIAL_CAPACITY];
    private int[] ends = new int[INITIAL_CAPACITY];
    private String[] texts = new String[INITIAL_CAPACITY];
    private Keyword[] keywords = new Keyword[INITIAL_CAPACITY];
    private long[] values = new long[INITIAL_CAPACITY];

    /**
     * Tokenizes the whole text.
     *
     * @param sql the SQL text.
     * @throws SqlException 42601 for an unterminated string, quoted identifier or comment, a malformed token, or
     *                      null text.
     */
    Lexer(final String sql)
    {
        if (sql == null)
        {
            throw new SqlException(SqlState.SYNTAX_ERROR, "the statement text is null");
        }
        this.sql = sql;
        this.length = sql.length();
        scan();
    }

    String sql()
    {
        return sql;
    }

    int count()
    {
        return count;
    }

    TokenType type(final int index)
    {
        return types[index];
    }

    int start(final int index)
    {
        return starts[index];
    }

    int end(final int index)
    {
        return ends[index];
    }

    String text(final int index)
    {
        return texts[index];
    }

    Keyword keyword(final int index)
    {
        return keywords[index];
    }

    long value(final int index)
    {
        return values[index];
    }

    private void scan()
    {
        int i = 0;
        while (true)
        {
            i = skipSpaceAndComments(i);
            if (i >= length)
            {
                add(TokenType.EOF, length, length, null, null, 0);
                return;
            }
            i = token(i);
        }
    }

    private int skipSpaceAndComments(final int from)
    {
        int i = from;
        while (i < length)
        {
            final char c = sql.charAt(i);
            if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f')
            {
                i++;
            }
            else if (c == '-' && i + 1 < length && sql.charAt(i + 1) == '-')
            {
                i += 2;
                while (i < length && sql.charAt(i) != '\n')
                {
                    i++;
                }
            }
            else if (c == '/' && i + 1 < length && sql.charAt(i + 1) == '*')
            {
                i = skipBlockComment(i);
            }
            else
            {
                break;
            }
        }
        return i;
    }

    private int skipBlockComment(final int start)
    {
        int depth = 1;
        int i = start + 2;
        while (i < length)
        {
            final char c = sql.charAt(i);
            if (c == '*' && i + 1 < length && sql.charAt(i + 1) == '/')
            {
                i += 2;
                if (--depth == 0)
                {
                    return i;
                }
            }
            else if (c == '/' && i + 1 < length && sql.charAt(i + 1) == '*')
            {
                depth++;
                i += 2;
            }
            else
            {
                i++;
            }
        }
        throw SyntaxErrors.error(SqlState.SYNTAX_ERROR, "unterminated /* comment", sql, start, length);
    }

    private int token(final int i)
    {
        final char c = sql.charAt(i);
        if (isIdentStart(c))
        {
            if ((c == 'e' || c == 'E') && i + 1 < length && sql.charAt(i + 1) == '\'')
            {
                return escapeString(i);
            }
            return identifier(i);
        }
        if (c >= '0' && c <= '9' || c == '.' && i + 1 < length && isDigit(sql.charAt(i + 1)))
        {
            return number(i);
        }
        switch (c)
        {
            case '\'':
                return string(i);
            case '"':
                return quotedIdentifier(i);
            case '$':
                return dollar(i);
            case '(':
                return single(TokenType.LPAREN, i);
            case ')':
                return single(TokenType.RPAREN, i);
            case ',':
                return single(TokenType.COMMA, i);
            case ';':
                return single(TokenType.SEMICOLON, i);
            case '.':
                return single(TokenType.DOT, i);
            case '[':
                return single(TokenType.LBRACKET, i);
            case ']':
                return single(TokenType.RBRACKET, i);
            case '+':
                return single(TokenType.PLUS, i);
            case '*':
                return single(TokenType.STAR, i);
            case '/':
                return single(TokenType.SLASH, i);
            case '%':
                return single(TokenType.PERCENT, i);
            case '^':
                return single(TokenType.CARET, i);
            case '=':
                return single(TokenType.EQ, i);
            case '-':
                return minus(i);
            case '<':
                return less(i);
            case '>':
                return next(i, '=') ? pair(TokenType.GE, i) : single(TokenType.GT, i);
            case '!':
                return next(i, '=') ? pair(TokenType.NE, i) : single(TokenType.OTHER, i);
            case '|':
                return next(i, '|') ? pair(TokenType.CONCAT, i) : single(TokenType.OTHER, i);
            case '@':
                return next(i, '>') ? pair(TokenType.CONTAINS, i) : single(TokenType.OTHER, i);
            case ':':
                return next(i, ':') ? pair(TokenType.COLON_COLON, i) : single(TokenType.OTHER, i);
            case '#':
                return hash(i);
            case '?':
                return question(i);
            default:
                return single(TokenType.OTHER, i);
        }
    }

    private boolean next(final int i, final char expected)
    {
        return i + 1 < length && sql.charAt(i + 1) == expected;
    }

    private int single(final TokenType type, final int i)
    {
        add(type, i, i + 1, null, null, 0);
        return i + 1;
    }

    private int pair(final TokenType type, final int i)
    {
        add(type, i, i + 2, null, null, 0);
        return i + 2;
    }

    private int minus(final int i)
    {
        if (next(i, '>'))
        {
            if (i + 2 < length && sql.charAt(i + 2) == '>')
            {
                add(TokenType.ARROW_TEXT, i, i + 3, null, null, 0);
                return i + 3;
            }
            return pair(TokenType.ARROW, i);
        }
        return single(TokenType.MINUS, i);
    }

    private int less(final int i)
    {
        if (next(i, '='))
        {
            return pair(TokenType.LE, i);
        }
        if (next(i, '>'))
        {
            return pair(TokenType.NE, i);
        }
        if (next(i, '@'))
        {
            return pair(TokenType.CONTAINED, i);
        }
        return single(TokenType.LT, i);
    }

    private int hash(final int i)
    {
        if (next(i, '>'))
        {
            if (i + 2 < length && sql.charAt(i + 2) == '>')
            {
                add(TokenType.HASH_ARROW_TEXT, i, i + 3, null, null, 0);
                return i + 3;
            }
            return pair(TokenType.HASH_ARROW, i);
        }
        return single(TokenType.OTHER, i);
    }

    private int question(final int i)
    {
        final boolean doubledPipe = i + 2 < length && sql.charAt(i + 2) == '|';
        if (next(i, '|') && !doubledPipe)
        {
            return pair(TokenType.QMARK_PIPE, i);
        }
        if (next(i, '&'))
        {
            return pair(TokenType.QMARK_AMP, i);
        }
        return single(TokenType.QMARK, i);
    }

    private int identifier(final int start)
    {
        int i = start;
        boolean lower = true;
        while (i < length)
        {
            final char c = sql.charAt(i);
            if (c >= 'A' && c <= 'Z')
            {
                lower = false;
            }
            else if (!isIdentPart(c))
            {
                break;
            }
            i++;
        }
        final String word = lower ? sql.substring(start, i) : foldAscii(start, i);
        add(TokenType.IDENT, start, i, word, Keyword.lookup(word), 0);
        return i;
    }

    private String foldAscii(final int start, final int end)
    {
        final char[] chars = new char[end - start];
        for (int i = start; i < end; i++)
        {
            final char c = sql.charAt(i);
            chars[i - start] = c >= 'A' && c <= 'Z' ? (char)(c + ('a' - 'A')) : c;
        }
        return new String(chars);
    }

    private int number(final int start)
    {
        int i = start;
        while (i < length && isDigit(sql.charAt(i)))
        {
            i++;
        }
        boolean decimal = false;
        if (i < length && sql.charAt(i) == '.' && !(i + 1 < length && sql.charAt(i + 1) == '.'))
        {
            decimal = true;
            i++;
            while (i < length && isDigit(sql.charAt(i)))
            {
                i++;
            }
        }
        boolean exponent = false;
        if (i < length && (sql.charAt(i) == 'e' || sql.charAt(i) == 'E'))
        {
            int j = i + 1;
            if (j < length && (sql.charAt(j) == '+' || sql.charAt(j) == '-'))
            {
                j++;
            }
            if (j < length && isDigit(sql.charAt(j)))
            {
                exponent = true;
                i = j;
                while (i < length && isDigit(sql.charAt(i)))
                {
                    i++;
                }
            }
        }
        if (!decimal && !exponent)
        {
            final long value = parseLong(start, i);
            if (value >= 0)
            {
                add(TokenType.INTEGER, start, i, null, null, value);
                return i;
            }
        }
        add(TokenType.NUMERIC, start, i, sql.substring(start, i), null, exponent ? 1 : 0);
        return i;
    }

    private long parseLong(final int start, final int end)
    {
        if (end - start > 19)
        {
            return -1;
        }
        long value = 0;
        for (int i = start; i < end; i++)
        {
            final int digit = sql.charAt(i) - '0';
            if (value > (Long.MAX_VALUE - digit) / 10)
            {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private int string(final int start)
    {
        int i = start + 1;
        StringBuilder sb = null;
        int chunk = i;
        while (true)
        {
            if (i >= length)
            {
                throw SyntaxErrors.error(SqlState.SYNTAX_ERROR, "unterminated quoted string", sql, start, length);
            }
            if (sql.charAt(i) == '\'')
            {
                if (i + 1 < length && sql.charAt(i + 1) == '\'')
                {
                    if (sb == null)
                    {
                        sb = new StringBuilder();
                    }
                    sb.append(sql, chunk, i + 1);
                    i += 2;
                    chunk = i;
                    continue;
                }
                break;
            }
            i++;
        }
        final String value = sb == null ? sql.substring(chunk, i) : sb.append(sql, chunk, i).toString();
        add(TokenType.STRING, start, i + 1, value, null, 0);
        return i + 1;
    }

    private int escapeString(final int start)
    {
        final StringBuilder sb = new StringBuilder();
        int i = start + 2;
        while (true)
        {
            if (i >= length)
            {
                throw SyntaxErrors.error(SqlState.SYNTAX_ERROR, "unterminated quoted string", sql, start, length);
            }
            final char c = sql.charAt(i);
            if (c == '\'')
            {
                if (i + 1 < length && sql.charAt(i + 1) == '\'')
                {
                    sb.append('\'');
                    i += 2;
                    continue;
                }
                break;
            }
            if (c == '\\' && i + 1 < length)
            {
                i = escape(sb, i + 1);
            }
            else
            {
                sb.append(c);
                i++;
            }
        }
        add(TokenType.STRING, start, i + 1, sb.toString(), null, 0);
        return i + 1;
    }

    private int escape(final StringBuilder sb, final int at)
    {
        final char c = sql.charAt(at);
        switch (c)
        {
            case 'b':
                sb.append('\b');
                return at + 1;
            case 'f':
                sb.append('\f');
                return at + 1;
            case 'n':
                sb.append('\n');
                return at + 1;
            case 'r':
                sb.append('\r');
                return at + 1;
            case 't':
                sb.append('\t');
                return at + 1;
            case 'x':
                return codePoint(sb, at + 1, 2, 16, at - 1);
            case 'u':
                return codePoint(sb, at + 1, 4, 16, at - 1);
            case 'U':
                return codePoint(sb, at + 1, 8, 16, at - 1);
            default:
                if (c >= '0' && c <= '7')
                {
                    return codePoint(sb, at, 3, 8, at - 1);
                }
                sb.append(c);
                return at + 1;
        }
    }

    private int codePoint(
        final StringBuilder sb, final int from, final int maxDigits, final int radix, final int escapeStart)
    {
        int i = from;
        int value = 0;
        while (i < length && i - from < maxDigits)
        {
            final int digit = Character.digit(sql.charAt(i), radix);
            if (digit < 0)
            {
                break;
            }
            value = value * radix + digit;
            i++;
        }
        final boolean exact = radix == 8 || maxDigits == 2;
        if (i == from || !exact && i - from != maxDigits || !Character.isValidCodePoint(value) || value == 0)
        {
            throw SyntaxErrors.error(
                SqlState.SYNTAX_ERROR, "invalid escape sequence", sql, escapeStart, Math.min(length, i + 1));
        }
        sb.appendCodePoint(value);
        return i;
    }

    private int quotedIdentifier(final int start)
    {
        int i = start + 1;
        StringBuilder sb = null;
        int chunk = i;
        while (true)
        {
            if (i >= length)
            {
                throw SyntaxErrors.error(SqlState.SYNTAX_ERROR, "unterminated quoted identifier", sql, start, length);
            }
            if (sql.charAt(i) == '"')
            {
                if (i + 1 < length && sql.charAt(i + 1) == '"')
                {
                    if (sb == null)
                    {
                        sb = new StringBuilder();
                    }
                    sb.append(sql, chunk, i + 1);
                    i += 2;
                    chunk = i;
                    continue;
                }
                break;
            }
            i++;
        }
        final String value = sb == null ? sql.substring(chunk, i) : sb.append(sql, chunk, i).toString();
        if (value.isEmpty())
        {
            throw SyntaxErrors.error(SqlState.SYNTAX_ERROR, "zero-length delimited identifier", sql, start, i + 1);
        }
        add(TokenType.QUOTED_IDENT, start, i + 1, value, null, 0);
        return i + 1;
    }

    private int dollar(final int start)
    {
        int i = start + 1;
        if (i < length && isDigit(sql.charAt(i)))
        {
            long value = 0;
            while (i < length && isDigit(sql.charAt(i)))
            {
                value = value * 10 + (sql.charAt(i) - '0');
                if (value > Integer.MAX_VALUE)
                {
                    throw SyntaxErrors.error(SqlState.SYNTAX_ERROR, "parameter number too large", sql, start, i + 1);
                }
                i++;
            }
            if (value == 0)
            {
                throw SyntaxErrors.error(SqlState.SYNTAX_ERROR, "there is no parameter $0", sql, start, i);
            }
            add(TokenType.DOLLAR_PARAM, start, i, null, null, value);
            return i;
        }
        while (i < length && isTagPart(sql.charAt(i)))
        {
            i++;
        }
        if (i >= length || sql.charAt(i) != '$')
        {
            throw SyntaxErrors.atOrNear(sql, start, Math.min(length, i + 1));
        }
        final int tagEnd = i + 1;
        final int tagLength = tagEnd - start;
        int j = tagEnd;
        while (true)
        {
            final int close = sql.indexOf('$', j);
            if (close < 0)
            {
                throw SyntaxErrors.error(SqlState.SYNTAX_ERROR, "unterminated dollar-quoted string", sql, start, length);
            }
            if (sql.regionMatches(close, sql, start, tagLength))
            {
                add(TokenType.STRING, start, close + tagLength, sql.substring(tagEnd, close), null, 0);
                return close + tagLength;
            }
            j = close + 1;
        }
    }

    private void add(
        final TokenType type, final int start, final int end, final String text, final Keyword keyword, final long value)
    {
        if (count == types.length)
        {
            final int capacity = count * 2;
            types = Arrays.copyOf(types, capacity);
            starts = Arrays.copyOf(starts, capacity);
            ends = Arrays.copyOf(ends, capacity);
            texts = Arrays.copyOf(texts, capacity);
            keywords = Arrays.copyOf(keywords, capacity);
            values = Arrays.copyOf(values, capacity);
        }
        types[count] = type;
        starts[count] = start;
        ends[count] = end;
        texts[count] = text;
        keywords[count] = keyword;
        values[count] = value;
        count++;
    }

    private static boolean isDigit(final char c)
    {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdentStart(final char c)
    {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= 0x80 && Character.isLetter(c);
    }

    private static boolean isIdentPart(final char c)
    {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '$'
            || c >= 0x80 && (Character.isLetterOrDigit(c) || Character.isSurrogate(c));
    }

    private static boolean isTagPart(final char c)
    {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= '0' && c <= '9' || c >= 0x80;
    }
}
