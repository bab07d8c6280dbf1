package io.phantomdb.sql.engine;

import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.core.txn.IsolationLevel;
import io.phantomdb.sql.ResultColumn;
import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlResult;
import io.phantomdb.sql.SqlState;
import io.phantomdb.sql.ast.Statement;
import io.phantomdb.sql.exec.ExecContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Statements that act on the session rather than on data: BEGIN, COMMIT, ROLLBACK, SET TRANSACTION,
 * SET and SHOW.
 * <p>
 * <b>Note:</b> owned by one session.
 */
final class UtilityCommand extends Command
{
    private final Statement statement;

    UtilityCommand(final String sql, final Parameters parameters, final Statement statement)
    {
        super(sql, parameters, columnsOf(statement));
        this.statement = statement;
    }

    private static List<ResultColumn> columnsOf(final Statement statement)
    {
        if (statement instanceof Statement.Show)
        {
            final String name = ((Statement.Show)statement).name();
            if ("all".equalsIgnoreCase(name))
            {
                return List.of(ResultColumn.computed("name", ColumnType.TEXT), ResultColumn.computed("setting", ColumnType.TEXT));
            }
            return List.of(ResultColumn.computed(name.toLowerCase(), ColumnType.TEXT));
        }
        return List.of();
    }

    @Override
    boolean needsTransaction()
    {
        return false;
    }

    @Override
    SqlResult execute(final EngineSession session, final ExecContext ctx)
    {
        if (statement instanceof Statement.Begin)
        {
            final Statement.Begin begin = (Statement.Begin)statement;
            session.begin(level(begin.isolation()));
            return ListResult.tag("BEGIN");
        }
        if (statement instanceof Statement.Commit)
        {
            session.commit();
            return ListResult.tag("COMMIT");
        }
        if (statement instanceof Statement.Rollback)
        {
            session.rollback();
            return ListResult.tag("ROLLBACK");
        }
        if (statement instanceof Statement.SetTransaction)
        {
            final Statement.SetTransaction set = (Statement.SetTransaction)statement;
            if (null != set.isolation())
            {
                session.setTransactionIsolation(level(set.isolation()), set.session());
            }
            return ListResult.tag("SET");
        }
        if (statement instanceof Statement.SetVariable)
        {
            return set(session, (Statement.SetVariable)statement);
        }
        return show(session, ((Statement.Show)statement).name());
    }

    private SqlResult set(final EngineSession session, final Statement.SetVariable set)
    {
        final String name = set.name().toLowerCase();
        final String value = String.join(", ", set.values());
        switch (name)
        {
            case "transaction_isolation":
            case "default_transaction_isolation":
                session.setTransactionIsolation(parseLevel(value), "default_transaction_isolation".equals(name));
                break;
            case "statement_timeout":
                session.setTimeoutFromSetting(parseMillis(value));
                session.settings().set(name, value);
                break;
            default:
                session.settings().set(name, value);
                break;
        }
        return ListResult.tag("SET");
    }

    private SqlResult show(final EngineSession session, final String name)
    {
        final List<Object[]> rows = new ArrayList<>();
        if ("all".equalsIgnoreCase(name))
        {
            for (final Map.Entry<String, String> entry : session.settings().all().entrySet())
            {
                rows.add(new Object[]{entry.getKey(), entry.getValue()});
            }
            rows.add(new Object[]{"transaction_isolation", levelText(session.effectiveIsolation())});
            return new ListResult(columns, rows, 0, "SHOW");
        }
        final String lower = name.toLowerCase();
        String value;
        if ("transaction_isolation".equals(lower) || "transaction isolation level".equals(lower))
        {
            value = levelText(session.effectiveIsolation());
        }
        else if ("default_transaction_isolation".equals(lower))
        {
            value = levelText(session.isolation());
        }
        else
        {
            value = session.settings().get(lower);
        }
        if (null == value)
        {
            throw new SqlException(SqlState.UNDEFINED_OBJECT, "unrecognized configuration parameter \"" + name + "\"",
                statement.position());
        }
        rows.add(new Object[]{value});
        return new ListResult(columns, rows, 0, "SHOW");
    }

    private static long parseMillis(final String value)
    {
        final String v = value.trim().replace("'", "").toLowerCase();
        try
        {
            if (v.endsWith("ms"))
            {
                return Long.parseLong(v.substring(0, v.length() - 2).trim());
            }
            if (v.endsWith("s"))
            {
                return Long.parseLong(v.substring(0, v.length() - 1).trim()) * 1000;
            }
            return Long.parseLong(v);
        }
        catch (final NumberFormatException ex)
        {
            throw new SqlException(SqlState.INVALID_PARAMETER_VALUE,
                "invalid value for parameter \"statement_timeout\": \"" + value + "\"");
        }
    }

    private static IsolationLevel parseLevel(final String text)
    {
        final String v = text.replace("'", "").trim().toLowerCase();
        return switch (v)
        {
            case "read uncommitted", "read committed" -> IsolationLevel.READ_COMMITTED;
            case "repeatable read" -> IsolationLevel.REPEATABLE_READ;
            case "serializable" -> IsolationLevel.SERIALIZABLE;
            default -> throw new SqlException(SqlState.INVALID_PARAMETER_VALUE,
                "invalid value for parameter \"transaction_isolation\": \"" + text + "\"");
        };
    }

    static IsolationLevel level(final Statement.IsolationLevel level)
    {
        if (null == level)
        {
            return null;
        }
        return switch (level)
        {
            case READ_UNCOMMITTED, READ_COMMITTED -> IsolationLevel.READ_COMMITTED;
            case REPEATABLE_READ -> IsolationLevel.REPEATABLE_READ;
            case SERIALIZABLE -> IsolationLevel.SERIALIZABLE;
        };
    }

    private static String levelText(final IsolationLevel level)
    {
        return switch (level)
        {
            case READ_COMMITTED -> "read committed";
            case REPEATABLE_READ -> "repeatable read";
            case SERIALIZABLE -> "serializable";
        };
    }
}
