package io.phantomdb.sql.value;

import io.phantomdb.sql.SqlException;

/**
 * A compiled LIKE / ILIKE pattern: {@code %} matches any run of characters, {@code _} exactly one
 * character (code point), the escape character (backslash by default, none for an empty ESCAPE) makes the
 * next character literal. Matching is iterative with one backtrack point (the last {@code %}), so it runs
 * in O(text x pattern) at worst, never exponentially. ILIKE compares lower-cased characters.
 * <p>
 * Compile a constant pattern once per plan and call {@link #matches(String)} per row; it allocates nothing.
 * <p>
 * <b>Note:</b> immutable, safe to share between threads.
 */
public final class LikePattern
{
    private static final int ANY_RUN = -1;
    private static final int ANY_ONE = -2;

    private final int[] pattern;
    private final boolean caseInsensitive;

    private LikePattern(final int[] pattern, final boolean caseInsensitive)
    {
        this.pattern = pattern;
        this.caseInsensitive = caseInsensitive;
    }

    /**
     * Compiles with the default escape character, backslash.
     *
     * @param pattern         the pattern.
     * @param caseInsensitive true for ILIKE.
     * @return the matcher.
     * @throws SqlException 22025 {@code LIKE pattern must not end with escape character}.
     */
    public static LikePattern compile(final String pattern, final boolean caseInsensitive)
    {
        return compile(pattern, "\\", caseInsensitive);
    }

    /**
     * @param pattern         the pattern.
     * @param escape          the ESCAPE string: one character, or empty for no escape character.
     * @param caseInsensitive true for ILIKE.
     * @return the matcher.
     * @throws SqlException 22025 {@code invalid escape string} for an escape of more than one character;
     *                      22025 {@code LIKE pattern must not end with escape character}.
     */
    public static LikePattern compile(final String pattern, final String escape, final boolean caseInsensitive)
    {
        if (escape.codePointCount(0, escape.length()) > 1)
        {
            throw new SqlException(ValueErrors.INVALID_ESCAPE_SEQUENCE, "invalid escape string");
        }
        final int escapeChar = escape.isEmpty() ? -100 : escape.codePointAt(0);
        final int[] out = new int[pattern.codePointCount(0, pattern.length())];
        int n = 0;
        for (int i = 0; i < pattern.length(); )
        {
            int cp = pattern.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == escapeChar)
            {
                if (i >= pattern.length())
                {
                    throw new SqlException(
                        ValueErrors.INVALID_ESCAPE_SEQUENCE, "LIKE pattern must not end with escape character");
                }
                cp = pattern.codePointAt(i);
                i += Character.charCount(cp);
                out[n++] = caseInsensitive ? Character.toLowerCase(cp) : cp;
            }
            else if (cp == '%')
            {
                if (n == 0 || out[n - 1] != ANY_RUN)
                {
                    out[n++] = ANY_RUN;
                }
            }
            else if (cp == '_')
            {
                out[n++] = ANY_ONE;
            }
            else
            {
                out[n++] = caseInsensitive ? Character.toLowerCase(cp) : cp;
            }
        }
        final int[] compiled = new int[n];
        System.arraycopy(out, 0, compiled, 0, n);
        return new LikePattern(compiled, caseInsensitive);
    }

    /**
     * @param text the string to test, or null.
     * @param pattern the pattern, or null.
     * @return {@code text LIKE pattern} in three-valued logic: null if either is null.
     */
    public static Boolean like(final String text, final String pattern)
    {
        if (text == null || pattern == null)
        {
            return null;
        }
        return compile(pattern, false).matches(text);
    }

    /**
     * The characters every match starts with, for index range scans ({@code LIKE 'abc%'} scans
     * {@code ['abc', 'abd')}).
     *
     * @return the literal characters before the first wildcard; empty for ILIKE or a leading wildcard.
     */
    public String literalPrefix()
    {
        if (caseInsensitive)
        {
            return "";
        }
        final StringBuilder sb = new StringBuilder();
        for (int i = 0; i < pattern.length && pattern[i] >= 0; i++)
        {
            sb.appendCodePoint(pattern[i]);
        }
        return sb.toString();
    }

    /**
     * @return true if the pattern has no wildcards, so LIKE is equality with {@link #literalPrefix()}
     * (false for ILIKE).
     */
    public boolean isExact()
    {
        if (caseInsensitive)
        {
            return false;
        }
        for (final int c : pattern)
        {
            if (c < 0)
            {
                return false;
            }
        }
        return true;
    }

    /**
     * @param text the string to test, not null.
     * @return true if the whole text matches.
     */
    public boolean matches(final String text)
    {
        final int[] p = pattern;
        final int m = p.length;
        final int n = text.length();
        int pi = 0;
        int ti = 0;
        int starP = -1;
        int starT = -1;
        while (ti < n)
        {
            if (pi < m && p[pi] != ANY_RUN)
            {
                final int cp = text.codePointAt(ti);
                final int c = caseInsensitive ? Character.toLowerCase(cp) : cp;
                if (p[pi] == ANY_ONE || p[pi] == c)
                {
                    pi++;
                    ti += Character.charCount(cp);
                    continue;
                }
            }
            else if (pi < m)
            {
                starP = pi++;
                starT = ti;
                continue;
            }
            if (starP < 0)
            {
                return false;
            }
            pi = starP + 1;
            starT += Character.charCount(text.codePointAt(starT));
            ti = starT;
        }
        while (pi < m && p[pi] == ANY_RUN)
        {
            pi++;
        }
        return pi == m;
    }
}
