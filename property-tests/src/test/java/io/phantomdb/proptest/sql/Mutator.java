package io.phantomdb.proptest.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Breaks SQL text: splits a statement into rough tokens (words, numbers, quoted strings, operators,
 * punctuation) and applies one to three mutations (delete, duplicate or swap tokens, inject a keyword
 * or odd token, replace a token by one of those or by another token of the statement, truncate at any
 * character), or makes a random string from SQL-ish characters.
 * <p>
 * <b>Note:</b> not thread-safe; one per property run.
 */
final class Mutator
{
    private static final String[] INJECTED = {
        "SELECT", "FROM", "WHERE", "(", ")", ",", "NULL", "AND", "OR", "NOT", "JOIN", "ON", "GROUP BY", "ORDER BY", "LIMIT",
        "HAVING", "UNION", "IN", "EXISTS", "CASE", "WHEN", "THEN", "END", "'", "\"", ";", "--", "/*", "*/", "?", "$1", "*", "/",
        "%", "||", "::", "1e999", "99999999999999999999999", "-2147483648", "9223372036854775807", "''", "E'\\x'", "\"t0\"",
        "t9", "c9", "k0", "a0.", "DISTINCT", "ALL", "VALUES", "SET", "INTO", "CAST(", "AS", "INTEGER", "VARCHAR(0)", "BETWEEN",
        "LIKE", "IS", "TRUE", "0", "1/0", "(SELECT", "\u00e9", "\u0000", "\t", "\n", ".", "..", "=", "<>", "!=", "<=>"
    };
    private static final String CHARS = "abcSELECTFROMWHERE t0k1c2 ,.;()*+-/%<>=!'\"?$:|_0123456789\n";

    private final Random random;

    Mutator(final Random random)
    {
        this.random = random;
    }

    String mutate(final String sql)
    {
        if (random.nextInt(10) == 0)
        {
            return randomString();
        }
        final List<String> tokens = tokens(sql);
        final int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations && !tokens.isEmpty(); m++)
        {
            final int i = random.nextInt(tokens.size());
            switch (random.nextInt(7))
            {
                case 0 -> tokens.remove(i);
                case 1 -> tokens.add(i, tokens.get(i));
                case 2 ->
                {
                    final int j = random.nextInt(tokens.size());
                    final String t = tokens.get(i);
                    tokens.set(i, tokens.get(j));
                    tokens.set(j, t);
                }
                case 3 -> tokens.add(i, INJECTED[random.nextInt(INJECTED.length)]);
                case 4 -> tokens.set(i, INJECTED[random.nextInt(INJECTED.length)]);
                case 5 -> tokens.set(i, tokens.get(random.nextInt(tokens.size())));
                default ->
                {
                    final String text = String.join(" ", tokens);
                    return text.substring(0, random.nextInt(text.length() + 1));
                }
            }
        }
        return String.join(" ", tokens);
    }

    private String randomString()
    {
        final StringBuilder sb = new StringBuilder();
        final int n = random.nextInt(60);
        for (int i = 0; i < n; i++)
        {
            sb.append(CHARS.charAt(random.nextInt(CHARS.length())));
        }
        return sb.toString();
    }

    static List<String> tokens(final String sql)
    {
        final List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < sql.length())
        {
            final char c = sql.charAt(i);
            int end = i + 1;
            if (Character.isWhitespace(c))
            {
                i++;
                continue;
            }
            if (c == '\'')
            {
                while (end < sql.length())
                {
                    if (sql.charAt(end) == '\'' && end + 1 < sql.length() && sql.charAt(end + 1) == '\'')
                    {
                        end += 2;
                        continue;
                    }
                    end++;
                    if (sql.charAt(end - 1) == '\'')
                    {
                        break;
                    }
                }
            }
            else if (Character.isLetterOrDigit(c) || c == '_')
            {
                while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_' || sql.charAt(end) == '.'))
                {
                    end++;
                }
            }
            else if ("<>=!|".indexOf(c) >= 0)
            {
                while (end < sql.length() && "<>=!|".indexOf(sql.charAt(end)) >= 0)
                {
                    end++;
                }
            }
            tokens.add(sql.substring(i, end));
            i = end;
        }
        return tokens;
    }
}
