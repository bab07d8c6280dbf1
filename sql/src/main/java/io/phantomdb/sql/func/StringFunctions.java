package io.phantomdb.sql.func;

import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.core.schema.TypeKind;
import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlState;
import io.phantomdb.sql.value.PgText;
import io.phantomdb.sql.value.ValueErrors;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * PostgreSQL's string functions. Lengths and positions count characters (Unicode code points).
 * <p>
 * <b>Note:</b> stateless, safe to use from any thread.
 */
final class StringFunctions
{
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private StringFunctions()
    {
    }

    static ScalarFunction resolve(final String name, final List<ColumnType> types)
    {
        final int n = types.size();
        final boolean texts = Args.allText(types);
        switch (name)
        {
            case "lower":
                return n == 1 && texts ? Fn.strict(name, ColumnType.TEXT, a -> Args.text(a[0]).toLowerCase(Locale.ROOT)) : null;
            case "upper":
                return n == 1 && texts ? Fn.strict(name, ColumnType.TEXT, a -> Args.text(a[0]).toUpperCase(Locale.ROOT)) : null;
            case "length":
            case "char_length":
            case "character_length":
                if (n == 1 && isBytea(types.get(0)) && "length".equals(name))
                {
                    return Fn.strict(name, ColumnType.INTEGER, a -> ((byte[])a[0]).length);
                }
                return n == 1 && texts ? Fn.strict(name, ColumnType.INTEGER, a -> codePoints(Args.text(a[0]))) : null;
            case "octet_length":
                if (n == 1 && isBytea(types.get(0)))
                {
                    return Fn.strict(name, ColumnType.INTEGER, a -> ((byte[])a[0]).length);
                }
                return n == 1 && texts ?
                    Fn.strict(name, ColumnType.INTEGER, a -> Args.text(a[0]).getBytes(StandardCharsets.UTF_8).length) :
                    null;
            case "substring":
            case "substr":
                if (n == 2 && Args.isText(types.get(0)) && Args.isIntegral(types.get(1)))
                {
                    return Fn.strict(name, ColumnType.TEXT, a -> substring(Args.text(a[0]), Args.toInt(a[1])));
                }
                if (n == 3 && Args.isText(types.get(0)) && Args.isIntegral(types.get(1)) &&
                    Args.isIntegral(types.get(2)))
                {
                    return Fn.strict(
                        name, ColumnType.TEXT, a -> substring(Args.text(a[0]), Args.toInt(a[1]), Args.toInt(a[2])));
                }
                return null;
            case "position":
                return n == 2 && texts ?
                    Fn.strict(name, ColumnType.INTEGER, a -> position(Args.text(a[1]), Args.text(a[0]))) : null;
            case "strpos":
                return n == 2 && texts ?
                    Fn.strict(name, ColumnType.INTEGER, a -> position(Args.text(a[0]), Args.text(a[1]))) : null;
            case "trim":
            case "btrim":
                return trimFunction(name, n, texts, true, true);
            case "ltrim":
                return trimFunction(name, n, texts, true, false);
            case "rtrim":
                return trimFunction(name, n, texts, false, true);
            case "replace":
                return n == 3 && texts ? Fn.strict(name, ColumnType.TEXT, StringFunctions::replace) : null;
            case "concat":
                return Fn.lenient(name, ColumnType.TEXT, a -> concat(a, 0, ""));
            case "concat_ws":
                return n >= 1 && Args.isText(types.get(0)) ?
                    Fn.lenient(name, ColumnType.TEXT, a -> a[0] == null ? null : concat(a, 1, Args.text(a[0]))) : null;
            case "left":
                return n == 2 && Args.isText(types.get(0)) && Args.isIntegral(types.get(1)) ?
                    Fn.strict(name, ColumnType.TEXT, a -> left(Args.text(a[0]), Args.toInt(a[1]))) : null;
            case "right":
                return n == 2 && Args.isText(types.get(0)) && Args.isIntegral(types.get(1)) ?
                    Fn.strict(name, ColumnType.TEXT, a -> right(Args.text(a[0]), Args.toInt(a[1]))) : null;
            case "lpad":
            case "rpad":
            {
                if ((n != 2 && n != 3) || !Args.isText(types.get(0)) || !Args.isIntegral(types.get(1)) ||
                    (n == 3 && !Args.isText(types.get(2))))
                {
                    return null;
                }
                final boolean leftPad = "lpad".equals(name);
                return Fn.strict(name, ColumnType.TEXT,
                    a -> pad(Args.text(a[0]), Args.toInt(a[1]), a.length == 3 ? Args.text(a[2]) : " ", leftPad));
            }
            case "repeat":
                return n == 2 && Args.isText(types.get(0)) && Args.isIntegral(types.get(1)) ?
                    Fn.strict(name, ColumnType.TEXT, a -> Args.text(a[0]).repeat(Math.max(0, Args.toInt(a[1])))) : null;
            case "reverse":
                return n == 1 && texts ?
                    Fn.strict(name, ColumnType.TEXT, a -> new StringBuilder(Args.text(a[0])).reverse().toString()) : null;
            case "split_part":
                return n == 3 && Args.isText(types.get(0)) && Args.isText(types.get(1)) && Args.isIntegral(types.get(2)) ?
                    Fn.strict(name, ColumnType.TEXT,
                        a -> splitPart(Args.text(a[0]), Args.text(a[1]), Args.toInt(a[2]))) : null;
            case "starts_with":
                return n == 2 && texts ?
                    Fn.strict(name, ColumnType.BOOLEAN, a -> Args.text(a[0]).startsWith(Args.text(a[1]))) : null;
            case "initcap":
                return n == 1 && texts ? Fn.strict(name, ColumnType.TEXT, a -> initcap(Args.text(a[0]))) : null;
            case "md5":
                if (n == 1 && isBytea(types.get(0)))
                {
                    return Fn.strict(name, ColumnType.TEXT, a -> md5((byte[])a[0]));
                }
                return n == 1 && texts ?
                    Fn.strict(name, ColumnType.TEXT, a -> md5(Args.text(a[0]).getBytes(StandardCharsets.UTF_8))) : null;
            default:
                return null;
        }
    }

    private static boolean isBytea(final ColumnType type)
    {
        return type != null && type.kind() == TypeKind.BYTEA;
    }

    private static ScalarFunction trimFunction(
        final String name, final int n, final boolean texts, final boolean leading, final boolean trailing)
    {
        if (!texts || (n != 1 && n != 2))
        {
            return null;
        }
        return Fn.strict(name, ColumnType.TEXT, a -> trim(Args.text(a[0]), a.length == 2 ? Args.text(a[1]) : " ",
            leading, trailing));
    }

    static int codePoints(final String s)
    {
        return s.codePointCount(0, s.length());
    }

    static String substring(final String s, final int start)
    {
        final int from = Math.max(start, 1) - 1;
        final int length = codePoints(s);
        if (from >= length)
        {
            return "";
        }
        return s.substring(s.offsetByCodePoints(0, from));
    }

    static String substring(final String s, final int start, final int count)
    {
        if (count < 0)
        {
            throw new SqlException(ValueErrors.SUBSTRING_ERROR, "negative substring length not allowed");
        }
        final long endExclusive = (long)start + count;
        final int from = Math.max(start, 1);
        if (endExclusive <= from)
        {
            return "";
        }
        final int length = codePoints(s);
        if (from > length)
        {
            return "";
        }
        final int to = (int)Math.min(endExclusive - 1, length);
        final int b = s.offsetByCodePoints(0, from - 1);
        final int e = s.offsetByCodePoints(b, to - from + 1);
        return s.substring(b, e);
    }

    static int position(final String s, final String sub)
    {
        final int i = s.indexOf(sub);
        return i < 0 ? 0 : s.codePointCount(0, i) + 1;
    }

    static String trim(final String s, final String chars, final boolean leading, final boolean trailing)
    {
        int b = 0;
        int e = s.length();
        if (leading)
        {
            while (b < e && chars.indexOf(s.codePointAt(b)) >= 0)
            {
                b += Character.charCount(s.codePointAt(b));
            }
        }
        if (trailing)
        {
            while (e > b && chars.indexOf(s.codePointBefore(e)) >= 0)
            {
                e -= Character.charCount(s.codePointBefore(e));
            }
        }
        return s.substring(b, e);
    }

    private static Object replace(final Object[] a)
    {
        final String s = Args.text(a[0]);
        final String from = Args.text(a[1]);
        return from.isEmpty() ? s : s.replace(from, Args.text(a[2]));
    }

    private static String concat(final Object[] a, final int first, final String separator)
    {
        final StringBuilder sb = new StringBuilder();
        boolean any = false;
        for (int i = first; i < a.length; i++)
        {
            if (a[i] != null)
            {
                if (any)
                {
                    sb.append(separator);
                }
                sb.append(PgText.format(a[i], null));
                any = true;
            }
        }
        return sb.toString();
    }

    static String left(final String s, final int n)
    {
        final int length = codePoints(s);
        final int keep = n >= 0 ? Math.min(n, length) : Math.max(0, length + n);
        return s.substring(0, s.offsetByCodePoints(0, keep));
    }

    static String right(final String s, final int n)
    {
        final int length = codePoints(s);
        final int keep = n >= 0 ? Math.min(n, length) : Math.max(0, length + n);
        return s.substring(s.offsetByCodePoints(0, length - keep));
    }

    static String pad(final String s, final int length, final String fill, final boolean leftPad)
    {
        if (length <= 0)
        {
            return "";
        }
        final int have = codePoints(s);
        if (have >= length)
        {
            return s.substring(0, s.offsetByCodePoints(0, length));
        }
        if (fill.isEmpty())
        {
            return s;
        }
        final int fillCount = codePoints(fill);
        final StringBuilder padding = new StringBuilder();
        for (int i = 0; i < length - have; i++)
        {
            final int at = fill.offsetByCodePoints(0, i % fillCount);
            padding.appendCodePoint(fill.codePointAt(at));
        }
        return leftPad ? padding.append(s).toString() : s + padding;
    }

    static String splitPart(final String s, final String delimiter, final int field)
    {
        if (field == 0)
        {
            throw new SqlException(SqlState.INVALID_PARAMETER_VALUE, "field position must not be zero");
        }
        if (delimiter.isEmpty())
        {
            return field == 1 || field == -1 ? s : "";
        }
        final ArrayList<String> parts = new ArrayList<>();
        int from = 0;
        while (true)
        {
            final int i = s.indexOf(delimiter, from);
            if (i < 0)
            {
                parts.add(s.substring(from));
                break;
            }
            parts.add(s.substring(from, i));
            from = i + delimiter.length();
        }
        final int index = field > 0 ? field - 1 : parts.size() + field;
        return index >= 0 && index < parts.size() ? parts.get(index) : "";
    }

    static String initcap(final String s)
    {
        final StringBuilder sb = new StringBuilder(s.length());
        boolean inWord = false;
        for (int i = 0; i < s.length(); )
        {
            final int cp = s.codePointAt(i);
            if (Character.isLetterOrDigit(cp))
            {
                sb.appendCodePoint(inWord ? Character.toLowerCase(cp) : Character.toUpperCase(cp));
                inWord = true;
            }
            else
            {
                sb.appendCodePoint(cp);
                inWord = false;
            }
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    static String md5(final byte[] bytes)
    {
        final byte[] digest;
        try
        {
            digest = MessageDigest.getInstance("MD5").digest(bytes);
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("MD5 missing from the JDK", ex);
        }
        final char[] out = new char[32];
        for (int i = 0; i < 16; i++)
        {
            out[2 * i] = HEX[(digest[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX[digest[i] & 0xF];
        }
        return new String(out);
    }
}
