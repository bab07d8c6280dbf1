package io.phantomdb.sql.value.json;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * JSON round trips over random documents: parsing keeps the exact input text for every node, a compact
 * re-serialization of the tree parses to the same compact text, and every document contains itself.
 * jqwik prints the seed of a failing run.
 */
class JsonProperties
{
    @Property(tries = 500)
    void parseShouldRoundTripWhenSerializedAgain(@ForAll("documents") final String document)
    {
        final JsonNode root = Json.parse(document);
        assertEquals(document, root.text());
        final String compact = compact(root);
        assertEquals(compact, compact(Json.parse(compact)));
        assertTrue(JsonOps.contains(document, document));
        assertTrue(JsonOps.contains(document, compact));
        Json.validate(document);
        for (int i = 0; i < root.size(); i++)
        {
            final JsonNode expected = root.kind() == JsonKind.OBJECT ? root.get(root.keyAt(i)) : root.valueAt(i);
            final Object key = root.kind() == JsonKind.OBJECT ? (Object)root.keyAt(i) : (Object)i;
            assertEquals(expected.text(), JsonOps.get(document, key));
            if (root.kind() == JsonKind.ARRAY)
            {
                assertEquals(expected.text(), JsonOps.get(document, i - root.size()));
            }
        }
    }

    private static String compact(final JsonNode node)
    {
        final StringBuilder sb = new StringBuilder();
        write(sb, node);
        return sb.toString();
    }

    private static void write(final StringBuilder sb, final JsonNode node)
    {
        switch (node.kind())
        {
            case OBJECT:
                sb.append('{');
                for (int i = 0; i < node.size(); i++)
                {
                    sb.append(i == 0 ? "" : ",");
                    Json.appendQuoted(sb, node.keyAt(i));
                    sb.append(':');
                    write(sb, node.valueAt(i));
                }
                sb.append('}');
                break;
            case ARRAY:
                sb.append('[');
                for (int i = 0; i < node.size(); i++)
                {
                    sb.append(i == 0 ? "" : ",");
                    write(sb, node.valueAt(i));
                }
                sb.append(']');
                break;
            case STRING:
                Json.appendQuoted(sb, node.stringValue());
                break;
            default:
                sb.append(node.text());
                break;
        }
    }

    @Provide
    Arbitrary<String> documents()
    {
        return value(4);
    }

    private static Arbitrary<String> value(final int depth)
    {
        final Arbitrary<String> space = Arbitraries.of("", " ", "\n\t ");
        final Arbitrary<String> scalar = Arbitraries.oneOf(
            Arbitraries.of("true", "false", "null", "0", "-0", "1.5e-3", "12345678901234567890", "-1E+2"),
            Arbitraries.integers().map(String::valueOf),
            Arbitraries.strings().ofMaxLength(6).map(Json::quote));
        if (depth == 0)
        {
            return scalar;
        }
        final Arbitrary<String> child = value(depth - 1);
        final Arbitrary<String> array = child.list().ofMaxSize(4).flatMap(items -> space.map(sp ->
            "[" + sp + String.join(sp + "," + sp, items) + sp + "]"));
        final Arbitrary<String> member = Arbitraries.strings().alpha().ofMaxLength(3).flatMap(k -> child.flatMap(v ->
            space.map(sp -> Json.quote(k) + sp + ":" + sp + v)));
        final Arbitrary<String> object = member.list().ofMaxSize(4).map(ms -> "{" + String.join(", ", ms) + "}");
        return Arbitraries.frequencyOf(
            Tuple.of(3, scalar), Tuple.of(1, array), Tuple.of(1, object));
    }
}
