package io.phantomdb.sql.engine;

import io.phantomdb.sql.plan.BindContext;
import io.phantomdb.sql.plan.PhysicalPlanner;
import io.phantomdb.sql.plan.QueryBinder;
import io.phantomdb.sql.plan.SchemaView;

/**
 * The binders and planner for one statement, over the schema the session sees now.
 * <p>
 * <b>Note:</b> used once, on the session's thread.
 */
final class Planning
{
    final EngineSession session;
    final SchemaView schema;
    final BindContext context;
    final QueryBinder queries;
    final PhysicalPlanner planner;

    Planning(final EngineSession session)
    {
        this.session = session;
        this.schema = session.schemaView();
        this.context = new BindContext(schema, session.functions());
        this.queries = new QueryBinder(context);
        this.planner = new PhysicalPlanner(schema, session.database().statistics(), session.functions(), context::newSlot,
            name -> session.database().nextSequenceValue(name, session.tx()));
    }
}
