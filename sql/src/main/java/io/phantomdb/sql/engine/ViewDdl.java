package io.phantomdb.sql.engine;

import io.phantomdb.core.table.Tx;
import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlResult;
import io.phantomdb.sql.SqlState;
import io.phantomdb.sql.ast.QualifiedName;
import io.phantomdb.sql.ast.Statement;
import io.phantomdb.sql.plan.LogicalPlan;
import io.phantomdb.sql.plan.SqlSchema;

/**
 * CREATE [OR REPLACE] VIEW (the query is bound once to check it, its text stored in {@link MetaStore}) and
 * DROP VIEW.
 * <p>
 * <b>Note:</b> stateless; runs in the session's transaction on its thread.
 */
final class ViewDdl
{
    private ViewDdl()
    {
    }

    static SqlResult createView(final EngineSession session, final Tx tx, final Statement.CreateView create,
        final String sql)
    {
        DdlCommand.checkSchema(create.name());
        final String name = create.name().name();
        final boolean exists = null != session.schemaView().sql().view(name);
        if (!(create.orReplace() && exists))
        {
            DdlCommand.checkNameFree(session, tx, name, create.name().position());
        }
        final Planning planning = new Planning(session);
        final LogicalPlan plan = planning.queries.bindQuery(create.query());
        if (create.columns().size() > plan.fields().size())
        {
            throw new SqlException(SqlState.SYNTAX_ERROR, "CREATE VIEW specifies more column names than columns",
                create.position());
        }
        String text = sql.substring(create.query().position() - 1).trim();
        while (text.endsWith(";"))
        {
            text = text.substring(0, text.length() - 1).trim();
        }
        MetaStore.putView(tx, new SqlSchema.ViewDefinition(name, text, create.columns()));
        session.markDdl(true);
        return ListResult.tag("CREATE VIEW");
    }

    static SqlResult dropView(final EngineSession session, final Tx tx, final Statement.DropView drop)
    {
        for (final QualifiedName name : drop.names())
        {
            if (!MetaStore.deleteView(tx, name.name()))
            {
                if (drop.ifExists())
                {
                    continue;
                }
                throw new SqlException(SqlState.UNDEFINED_TABLE, "view \"" + name + "\" does not exist", name.position());
            }
        }
        session.markDdl(true);
        return ListResult.tag("DROP VIEW");
    }
}
