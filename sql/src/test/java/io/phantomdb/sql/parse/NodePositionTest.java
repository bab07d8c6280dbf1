package io.phantomdb.sql.parse;

import io.phantomdb.sql.ast.Expression;
import io.phantomdb.sql.ast.QueryBody;
import io.phantomdb.sql.ast.SelectItem;
import io.phantomdb.sql.ast.Statement;
import io.phantomdb.sql.ast.TableRef;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NodePositionTest
{
    @Test
    void shouldGiveEveryNodeTheOneBasedOffsetOfItsFirstTokenOrOperator()
    {
        final String sql = "SELECT a + 1 AS x\nFROM s.t\nWHERE b = 'x'";
        final Statement.Query query = (Statement.Query)SqlParser.parse(sql);
        final QueryBody.Select select = (QueryBody.Select)query.body();
        assertEquals(1, query.position());
        final SelectItem.ExpressionItem item = (SelectItem.ExpressionItem)select.items().get(0);
        assertEquals(sql.indexOf("a + 1") + 1, item.position());
        final Expression.Binary plus = (Expression.Binary)item.expression();
        assertEquals(sql.indexOf('+') + 1, plus.position());
        assertEquals(sql.indexOf("a + 1") + 1, plus.left().position());
        assertEquals(sql.indexOf("1 AS") + 1, plus.right().position());
        final TableRef.NamedTable table = (TableRef.NamedTable)select.from().get(0);
        assertEquals(sql.indexOf("s.t") + 1, table.position());
        final Expression.Binary where = (Expression.Binary)select.where();
        assertEquals(sql.indexOf("'x'") + 1, where.right().position());
        assertEquals(sql.indexOf("b =") + 1, where.left().position());
    }

    @Test
    void shouldPositionStatementsOfAScriptInTheScript()
    {
        final String script = "BEGIN;\nUPDATE t SET a = ? WHERE b = ?;\nCOMMIT";
        final Statement.Update update = (Statement.Update)SqlParser.parseScript(script).get(1);
        assertEquals(script.indexOf("UPDATE") + 1, update.position());
        assertEquals(script.indexOf("a = ?") + 1, update.assignments().get(0).position());
        assertEquals(script.indexOf("?") + 1, update.assignments().get(0).value().position());
        assertEquals(2, ((Expression.Parameter)((Expression.Binary)update.where()).right()).index());
    }
}
