package io.phantomdb.server.pgwire;

import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.core.txn.IsolationLevel;
import io.phantomdb.server.auth.UserStore;
import io.phantomdb.sql.ResultColumn;
import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlSession;
import io.phantomdb.sql.SqlState;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statements a connection answers without the engine, recognised by shape: {@code SET}, {@code RESET},
 * {@code SHOW}, session characteristics, {@code CREATE/ALTER/DROP USER|ROLE}, {@code DEALLOCATE}, and the
 * one-function queries drivers send on connect ({@code SELECT version()}, {@code current_schema()},
 * {@code current_database()}, {@code current_user}, {@code current_setting('x')}, {@code pg_backend_pid()}).
 * It also holds the connection's run-time settings and reports changes of the ones PostgreSQL reports
 * (ParameterStatus).
 * <p>
 * <b>Note:</b> not thread-safe; owned by one connection's thread.
 */
final class SessionCommands
{
    /** The server version reported to clients: PostgreSQL 15 compatible. */
    static final String SERVER_VERSION = "15.0";
    /** What {@code version()} returns. */
    static final String VERSION_TEXT = "PostgreSQL 15.0 (PhantomDB 0.1.0) on Java, 64-bit";

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;
    private static final Pattern SET_ISOLATION = Pattern.compile(
        "SET\\s+(?:SESSION\\s+CHARACTERISTICS\\s+AS\\s+)?TRANSACTION\\s+ISOLATION\\s+LEVEL\\s+" +
        "(READ\\s+COMMITTED|READ\\s+UNCOMMITTED|REPEATABLE\\s+READ|SERIALIZABLE)(?:\\s*,?\\s*READ\\s+(?:WRITE|ONLY))?",
        FLAGS);
    private static final Pattern SET_TIME_ZONE = Pattern.compile("SET\\s+(?:SESSION\\s+|LOCAL\\s+)?TIME\\s+ZONE\\s+(.+)", FLAGS);
    private static final Pattern SET = Pattern.compile(
        "SET\\s+(?:SESSION\\s+|LOCAL\\s+)?([A-Za-z_][\\w.]*)\\s*(?:=|\\s+TO\\s+|\\s+)\\s*(.+)", FLAGS);
    private static final Pattern RESET = Pattern.compile("RESET\\s+([A-Za-z_][\\w.]*)", FLAGS);
    private static final Pattern SHOW = Pattern.compile("SHOW\\s+(.+)", FLAGS);
    private static final Pattern CREATE_USER = Pattern.compile(
        "CREATE\\s+(?:USER|ROLE)\\s+(\"[^\"]+\"|[\\w$]+)(.*)", FLAGS);
    private static final Pattern ALTER_USER = Pattern.compile(
        "ALTER\\s+(?:USER|ROLE)\\s+(\"[^\"]+\"|[\\w$]+)(.*)", FLAGS);
    private static final Pattern DROP_USER = Pattern.compile(
        "DROP\\s+(?:USER|ROLE)\\s+(IF\\s+EXISTS\\s+)?(\"[^\"]+\"|[\\w$]+)", FLAGS);
    private static final Pattern PASSWORD = Pattern.compile("PASSWORD\\s+'((?:[^']|'')*)'", FLAGS);
    private static final Pattern DEALLOCATE = Pattern.compile("DEALLOCATE\\s+(?:PREPARE\\s+)?(ALL|[\\w\"]+)", FLAGS);
    private static final Pattern FUNCTION_QUERY = Pattern.compile(
        "SELECT\\s+(?:pg_catalog\\.)?(version|current_schema|current_database|current_catalog|current_user|session_user|user|" +
        "pg_backend_pid|current_setting)\\s*(?:\\(\\s*(?:'([^']*)'(?:\\s*,\\s*\\w+)?)?\\s*\\))?(?:\\s+AS\\s+(\"?\\w+\"?))?",
        FLAGS);

    private static final Map<String, String> REPORTED = Map.ofEntries(
        Map.entry("server_version", "server_version"), Map.entry("server_encoding", "server_encoding"),
        Map.entry("client_encoding", "client_encoding"), Map.entry("application_name", "application_name"),
        Map.entry("datestyle", "DateStyle"), Map.entry("intervalstyle", "IntervalStyle"),
        Map.entry("timezone", "TimeZone"), Map.entry("integer_datetimes", "integer_datetimes"),
        Map.entry("standard_conforming_strings", "standard_conforming_strings"),
        Map.entry("is_superuser", "is_superuser"), Map.entry("session_authorization", "session_authorization"),
        Map.entry("default_transaction_read_only", "default_transaction_read_only"),
        Map.entry("in_hot_standby", "in_hot_standby"));

    private final SqlSession session;
    private final UserStore users;
    private final String user;
    private final String database;
    private final int processId;
    private final BiConsumer<String, String> reporter;
    private final Map<String, String> settings = new LinkedHashMap<>();
    private final Map<String, String> defaults;

    /**
     * @param session   the connection's engine session.
     * @param users     the user store, or null in trust mode without one.
     * @param user      the logged-in user.
     * @param superuser whether the user may manage users.
     * @param database  the database name the client asked for.
     * @param processId the connection's process id.
     * @param reporter  told (canonical name, value) when a reported setting changes.
     */
    SessionCommands(
        final SqlSession session, final UserStore users, final String user, final boolean superuser,
        final String database, final int processId, final BiConsumer<String, String> reporter)
    {
        this.session = session;
        this.users = users;
        this.user = user;
        this.database = database;
        this.processId = processId;
        this.reporter = reporter;
        settings.put("server_version", SERVER_VERSION);
        settings.put("server_version_num", "150000");
        settings.put("server_encoding", "UTF8");
        settings.put("client_encoding", "UTF8");
        settings.put("datestyle", "ISO, MDY");
        settings.put("intervalstyle", "postgres");
        settings.put("timezone", "UTC");
        settings.put("integer_datetimes", "on");
        settings.put("standard_conforming_strings", "on");
        settings.put("is_superuser", superuser ? "on" : "off");
        settings.put("session_authorization", user);
        settings.put("default_transaction_read_only", "off");
        settings.put("in_hot_standby", "off");
        settings.put("application_name", "");
        settings.put("search_path", "\"$user\", public");
        settings.put("extra_float_digits", "1");
        settings.put("max_identifier_length", "63");
        settings.put("statement_timeout", "0");
        settings.put("lc_collate", "C");
        settings.put("lc_ctype", "C");
        settings.put("max_connections", "100");
        settings.put("block_size", "8192");
        defaults = Map.copyOf(settings);
    }

    /**
     * @return the settings reported at startup, by canonical name.
     */
    Map<String, String> reportedSettings()
    {
        final Map<String, String> reported = new LinkedHashMap<>();
        for (final Map.Entry<String, String> entry : settings.entrySet())
        {
            final String name = REPORTED.get(entry.getKey());
            if (name != null)
            {
                reported.put(name, entry.getValue());
            }
        }
        return reported;
    }

    /**
     * Applies a startup-packet option (for example {@code application_name} or {@code DateStyle}).
     */
    void applyStartupOption(final String name, final String value)
    {
        final String key = name.toLowerCase(Locale.ROOT);
        if (!"user".equals(key) && !"database".equals(key) && !"options".equals(key) && !"replication".equals(key))
        {
            set(key, value, false);
        }
    }

    /**
     * @param sql one statement, without leading blanks or trailing semicolons.
     * @return the server's own statement, or null to let the engine run it.
     */
    ServerStatement intercept(final String sql)
    {
        final char first = Character.toUpperCase(sql.isEmpty() ? ' ' : sql.charAt(0));
        if (first != 'S' && first != 'R' && first != 'C' && first != 'A' && first != 'D')
        {
            return null;
        }
        Matcher m;
        if ((m = SET_ISOLATION.matcher(sql)).matches())
        {
            final IsolationLevel level = isolation(m.group(1));
            return command("SET", () -> session.setIsolation(level));
        }
        if ((m = SET_TIME_ZONE.matcher(sql)).matches())
        {
            final String value = unquote(m.group(1));
            return command("SET", () -> set("timezone", value, true));
        }
        if ((m = SET.matcher(sql)).matches())
        {
            final String name = m.group(1).toLowerCase(Locale.ROOT);
            final String value = unquote(m.group(2));
            if ("DEFAULT".equalsIgnoreCase(value))
            {
                return command("SET", () -> reset(name));
            }
            return command("SET", () -> set(name, value, true));
        }
        if ((m = RESET.matcher(sql)).matches())
        {
            final String name = m.group(1).toLowerCase(Locale.ROOT);
            return command("RESET", () -> reset(name));
        }
        if ((m = SHOW.matcher(sql)).matches())
        {
            return show(m.group(1).trim());
        }
        if ((m = CREATE_USER.matcher(sql)).matches())
        {
            final String name = identifier(m.group(1));
            final String options = m.group(2);
            final Matcher password = PASSWORD.matcher(options);
            final String secret = password.find() ? password.group(1).replace("''", "'") : null;
            final boolean superuser = options.toUpperCase(Locale.ROOT).matches("(?s).*\\bSUPERUSER\\b.*");
            return command("CREATE ROLE", () -> requireUsers().create(name, secret, superuser));
        }
        if ((m = ALTER_USER.matcher(sql)).matches())
        {
            final String name = identifier(m.group(1));
            final Matcher password = PASSWORD.matcher(m.group(2));
            if (!password.find())
            {
                throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "ALTER USER supports only PASSWORD '...'");
            }
            final String secret = password.group(1).replace("''", "'");
            return command("ALTER ROLE", () -> requireUsers().alterPassword(name, secret));
        }
        if ((m = DROP_USER.matcher(sql)).matches())
        {
            final boolean ifExists = m.group(1) != null;
            final String name = identifier(m.group(2));
            return command("DROP ROLE", () ->
            {
                if (name.equals(user))
                {
                    throw new SqlException("55006", "current user cannot be dropped");
                }
                requireUsers().drop(name, ifExists);
            });
        }
        if (DEALLOCATE.matcher(sql).matches())
        {
            return command("DEALLOCATE", () ->
            {
            });
        }
        if ((m = FUNCTION_QUERY.matcher(sql)).matches())
        {
            return function(m.group(1).toLowerCase(Locale.ROOT), m.group(2), m.group(3));
        }
        return null;
    }

    /**
     * @param name a setting's name.
     * @return its value, or null when unknown.
     */
    String setting(final String name)
    {
        return settings.get(name.toLowerCase(Locale.ROOT));
    }

    /**
     * @return every setting, by name.
     */
    Map<String, String> settings()
    {
        return settings;
    }

    private ServerStatement function(final String name, final String argument, final String alias)
    {
        final String value = switch (name)
        {
            case "version" -> VERSION_TEXT;
            case "current_schema" -> "public";
            case "current_database", "current_catalog" -> database;
            case "current_user", "session_user", "user" -> user;
            case "pg_backend_pid" -> Integer.toString(processId);
            default -> currentSetting(argument);
        };
        final String label = alias != null ? alias.replace("\"", "") : name;
        if ("pg_backend_pid".equals(name))
        {
            final List<ResultColumn> columns = List.of(ResultColumn.computed(label, ColumnType.INTEGER));
            return ServerStatement.local(columns, p -> ListResult.rows(columns, rows(processId)));
        }
        final List<ResultColumn> columns = List.of(ResultColumn.computed(label, ColumnType.TEXT));
        return ServerStatement.local(columns, p -> ListResult.rows(columns, rows(value)));
    }

    private String currentSetting(final String name)
    {
        if (name == null)
        {
            throw new SqlException(SqlState.UNDEFINED_FUNCTION, "current_setting needs a setting name");
        }
        final String value = setting(name);
        if (value == null)
        {
            throw new SqlException(SqlState.UNDEFINED_OBJECT, "unrecognized configuration parameter \"" + name + "\"");
        }
        return value;
    }

    private ServerStatement show(final String what)
    {
        final String name = what.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if ("all".equals(name))
        {
            final List<ResultColumn> columns = List.of(
                ResultColumn.computed("name", ColumnType.TEXT), ResultColumn.computed("setting", ColumnType.TEXT),
                ResultColumn.computed("description", ColumnType.TEXT));
            return ServerStatement.local(columns, p ->
            {
                final List<Object[]> rows = new ArrayList<>();
                settings.forEach((k, v) -> rows.add(new Object[]{k, v, ""}));
                return ListResult.rows(columns, rows);
            });
        }
        final String label = "transaction isolation level".equals(name) ? "transaction_isolation" : name;
        final List<ResultColumn> columns = List.of(ResultColumn.computed(
            REPORTED.getOrDefault(label, label), ColumnType.TEXT));
        return ServerStatement.local(columns, p ->
        {
            final String value = "transaction_isolation".equals(label) || "default_transaction_isolation".equals(label) ?
                session.isolation().name().toLowerCase(Locale.ROOT).replace('_', ' ') : currentSetting(label);
            return ListResult.rows(columns, rows(value));
        });
    }

    private void set(final String name, final String value, final boolean report)
    {
        if ("client_encoding".equals(name) && !"UTF8".equalsIgnoreCase(value.replace("-", "")) &&
            !"UNICODE".equalsIgnoreCase(value))
        {
            throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "only client_encoding UTF8 is supported, not " + value);
        }
        if ("statement_timeout".equals(name))
        {
            session.setStatementTimeout(millis(value));
        }
        if ("default_transaction_isolation".equals(name) || "transaction_isolation".equals(name))
        {
            session.setIsolation(isolation(value));
        }
        final String stored = "client_encoding".equals(name) ? "UTF8" :
            "datestyle".equals(name) ? "ISO, MDY" : value;
        settings.put(name, stored);
        final String reported = REPORTED.get(name);
        if (report && reported != null)
        {
            reporter.accept(reported, stored);
        }
    }

    private void reset(final String name)
    {
        if ("all".equals(name))
        {
            for (final String key : new ArrayList<>(settings.keySet()))
            {
                reset(key);
            }
            return;
        }
        final String value = defaults.get(name);
        if (value != null)
        {
            set(name, value, true);
        }
        else
        {
            settings.remove(name);
        }
    }

    private UserStore requireUsers()
    {
        if (users == null)
        {
            throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "user management needs auth=password");
        }
        if (!"on".equals(settings.get("is_superuser")))
        {
            throw new SqlException("42501", "permission denied: only a superuser may manage users");
        }
        return users;
    }

    private ServerStatement command(final String tag, final Runnable action)
    {
        return ServerStatement.local(List.of(), p ->
        {
            action.run();
            return ListResult.command(tag);
        });
    }

    private static List<Object[]> rows(final Object value)
    {
        final List<Object[]> rows = new ArrayList<>(1);
        rows.add(new Object[]{value});
        return rows;
    }

    private static long millis(final String value)
    {
        final Matcher m = Pattern.compile("(\\d+)\\s*(ms|s|min)?").matcher(value.trim().toLowerCase(Locale.ROOT));
        if (!m.matches())
        {
            throw new SqlException(SqlState.INVALID_PARAMETER_VALUE, "invalid value for statement_timeout: \"" + value + "\"");
        }
        final long amount = Long.parseLong(m.group(1));
        return "s".equals(m.group(2)) ? amount * 1000 : "min".equals(m.group(2)) ? amount * 60_000 : amount;
    }

    private static IsolationLevel isolation(final String text)
    {
        final String level = text.toUpperCase(Locale.ROOT).replaceAll("[\\s_-]+", " ").trim();
        return switch (level)
        {
            case "READ COMMITTED", "READ UNCOMMITTED" -> IsolationLevel.READ_COMMITTED;
            case "REPEATABLE READ" -> IsolationLevel.REPEATABLE_READ;
            case "SERIALIZABLE" -> IsolationLevel.SERIALIZABLE;
            default -> throw new SqlException(SqlState.INVALID_PARAMETER_VALUE, "invalid isolation level: " + text);
        };
    }

    private static String identifier(final String text)
    {
        return text.startsWith("\"") ? text.substring(1, text.length() - 1) : text.toLowerCase(Locale.ROOT);
    }

    private static String unquote(final String value)
    {
        final String trimmed = value.trim();
        final StringBuilder out = new StringBuilder();
        for (final String part : trimmed.split("\\s*,\\s*"))
        {
            if (out.length() > 0)
            {
                out.append(", ");
            }
            out.append(part.length() >= 2 && part.charAt(0) == '\'' && part.endsWith("'") ?
                part.substring(1, part.length() - 1).replace("''", "'") : part);
        }
        return out.toString();
    }
}
