package io.phantomdb.sql.value;

import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlState;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * Reads the ISO forms of PostgreSQL's date/time input: {@code YYYY-MM-DD [BC]}, {@code HH:MM[:SS[.f]]},
 * and a date and a time separated by a space or {@code T}; a trailing time zone ({@code Z}, {@code +HH},
 * {@code +HH:MM}) is ignored as PostgreSQL ignores it for types without time zone; {@code epoch} is
 * accepted. Fractions beyond microseconds are rounded.
 * <p>
 * <b>Note:</b> stateless, safe to use from any thread.
 */
final class DateTimeText
{
    private DateTimeText()
    {
    }

    static LocalDate parseDate(final String text)
    {
        final String s = text.trim();
        if ("epoch".equalsIgnoreCase(s))
        {
            return LocalDate.of(1970, 1, 1);
        }
        final Cursor c = new Cursor(s);
        final LocalDate date = readDate(c, text, "date");
        c.skipSpaces();
        if (!c.atEnd())
        {
            // a date accepts a trailing time, which it drops, as PostgreSQL does
            readTime(c, text, "date");
            skipZone(c);
            if (!c.atEnd())
            {
                throw bad("date", text);
            }
        }
        return date;
    }

    static LocalTime parseTime(final String text)
    {
        final Cursor c = new Cursor(text.trim());
        final LocalTime time = readTime(c, text, "time");
        skipZone(c);
        if (!c.atEnd())
        {
            throw bad("time", text);
        }
        return time;
    }

    static LocalDateTime parseTimestamp(final String text)
    {
        final String s = text.trim();
        if ("epoch".equalsIgnoreCase(s))
        {
            return LocalDateTime.of(1970, 1, 1, 0, 0);
        }
        final Cursor c = new Cursor(s);
        LocalDate date = readDate(c, text, "timestamp");
        LocalTime time = LocalTime.MIDNIGHT;
        if (!c.atEnd() && (c.peek() == 'T' || c.peek() == 't' || c.peek() == ' '))
        {
            c.pos++;
            c.skipSpaces();
            if (!c.atEnd() && isDigit(c.peek()))
            {
                time = readTime(c, text, "timestamp");
                skipZone(c);
            }
        }
        c.skipSpaces();
        if (c.matchBc())
        {
            date = date.withYear(1 - date.getYear());
        }
        if (!c.atEnd())
        {
            throw bad("timestamp", text);
        }
        return LocalDateTime.of(date, time);
    }

    private static LocalDate readDate(final Cursor c, final String text, final String typeName)
    {
        final int yearDigits = c.digitCount();
        if (yearDigits < 1 || yearDigits > 7)
        {
            throw bad(typeName, text);
        }
        final int year = c.readInt(yearDigits);
        if (!c.accept('-'))
        {
            throw bad(typeName, text);
        }
        final int monthDigits = c.digitCount();
        if (monthDigits < 1 || monthDigits > 2)
        {
            throw bad(typeName, text);
        }
        final int month = c.readInt(monthDigits);
        if (!c.accept('-'))
        {
            throw bad(typeName, text);
        }
        final int dayDigits = c.digitCount();
        if (dayDigits < 1 || dayDigits > 2)
        {
            throw bad(typeName, text);
        }
        final int day = c.readInt(dayDigits);
        final int save = c.pos;
        c.skipSpaces();
        final boolean bc = c.matchBc();
        if (!bc)
        {
            c.pos = save;
        }
        if (year == 0)
        {
            throw PgText.fieldOutOfRange(text, null);
        }
        try
        {
            return LocalDate.of(bc ? 1 - year : year, month, day);
        }
        catch (final DateTimeException ex)
        {
            throw PgText.fieldOutOfRange(text, ex);
        }
    }

    private static LocalTime readTime(final Cursor c, final String text, final String typeName)
    {
        final int hourDigits = c.digitCount();
        if (hourDigits < 1 || hourDigits > 2)
        {
            throw bad(typeName, text);
        }
        final int hour = c.readInt(hourDigits);
        if (!c.accept(':'))
        {
            throw bad(typeName, text);
        }
        if (c.digitCount() != 2)
        {
            throw bad(typeName, text);
        }
        final int minute = c.readInt(2);
        int second = 0;
        long nanos = 0;
        if (c.accept(':'))
        {
            if (c.digitCount() != 2)
            {
                throw bad(typeName, text);
            }
            second = c.readInt(2);
            if (c.accept('.'))
            {
                final int fractionDigits = c.digitCount();
                long micros = 0;
                for (int i = 0; i < fractionDigits; i++)
                {
                    final int d = c.peek() - '0';
                    c.pos++;
                    if (i < 6)
                    {
                        micros = micros * 10 + d;
                    }
                    else if (i == 6 && d >= 5)
                    {
                        micros++;
                    }
                }
                for (int i = fractionDigits; i < 6; i++)
                {
                    micros *= 10;
                }
                nanos = micros * 1000;
            }
        }
        if (hour > 23 || minute > 59 || second > 59)
        {
            throw PgText.fieldOutOfRange(text, null);
        }
        final long total = ((hour * 60L + minute) * 60L + second) * 1_000_000_000L + nanos;
        if (total >= 86_400_000_000_000L)
        {
            throw PgText.fieldOutOfRange(text, null);
        }
        return LocalTime.ofNanoOfDay(total);
    }

    private static void skipZone(final Cursor c)
    {
        if (c.atEnd())
        {
            return;
        }
        final int save = c.pos;
        c.skipSpaces();
        if (!c.atEnd() && (c.peek() == 'Z' || c.peek() == 'z'))
        {
            c.pos++;
            return;
        }
        if (!c.atEnd() && (c.peek() == '+' || c.peek() == '-'))
        {
            c.pos++;
            final int digits = c.digitCount();
            if (digits == 2 || digits == 4)
            {
                c.pos += digits;
                if (digits == 2 && c.accept(':'))
                {
                    if (c.digitCount() != 2)
                    {
                        c.pos = save;
                        return;
                    }
                    c.pos += 2;
                }
                return;
            }
        }
        c.pos = save;
    }

    private static boolean isDigit(final char ch)
    {
        return ch >= '0' && ch <= '9';
    }

    private static SqlException bad(final String typeName, final String text)
    {
        return new SqlException(
            SqlState.INVALID_DATETIME_FORMAT, "invalid input syntax for type " + typeName + ": \"" + text + "\"");
    }

    private static final class Cursor
    {
        private final String s;
        private int pos;

        Cursor(final String s)
        {
            this.s = s;
        }

        boolean atEnd()
        {
            return pos >= s.length();
        }

        char peek()
        {
            return s.charAt(pos);
        }

        boolean accept(final char ch)
        {
            if (pos < s.length() && s.charAt(pos) == ch)
            {
                pos++;
                return true;
            }
            return false;
        }

        int digitCount()
        {
            int i = pos;
            while (i < s.length() && isDigit(s.charAt(i)))
            {
                i++;
            }
            return i - pos;
        }

        int readInt(final int digits)
        {
            int v = 0;
            for (int i = 0; i < digits; i++)
            {
                v = v * 10 + (s.charAt(pos++) - '0');
            }
            return v;
        }

        void skipSpaces()
        {
            while (pos < s.length() && s.charAt(pos) == ' ')
            {
                pos++;
            }
        }

        boolean matchBc()
        {
            if (pos + 2 <= s.length() && s.regionMatches(true, pos, "BC", 0, 2))
            {
                pos += 2;
                return true;
            }
            return false;
        }
    }
}
