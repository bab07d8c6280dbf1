package io.phantomdb.sql.func;

import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.core.schema.TypeKind;
import io.phantomdb.sql.value.json.Json;
import io.phantomdb.sql.value.json.JsonNode;
import io.phantomdb.sql.value.json.JsonOps;

import java.util.ArrayList;
import java.util.List;

/**
 * The JSON functions: {@code json_typeof}, {@code json_array_length}, {@code json_object_keys} (as a JSON
 * array), {@code json_extract_path}, {@code json_extract_path_text}, {@code to_json},
 * {@code json_build_object}, {@code json_build_array}. Text arguments are accepted where JSON is expected
 * (and parsed).
 * <p>
 * <b>Note:</b> stateless, safe to use from any thread.
 */
final class JsonFunctions
{
    private JsonFunctions()
    {
    }

    static ScalarFunction resolve(final String name, final List<ColumnType> types)
    {
        final int n = types.size();
        final boolean json1 = n >= 1 && isJsonOrText(types.get(0));
        switch (name)
        {
            case "json_typeof":
                return n == 1 && json1 ? Fn.strict(name, ColumnType.TEXT, a -> JsonOps.typeOf((String)a[0])) : null;
            case "json_array_length":
                return n == 1 && json1 ?
                    Fn.strict(name, ColumnType.INTEGER, a -> JsonOps.arrayLength((String)a[0])) : null;
            case "json_object_keys":
                return n == 1 && json1 ? Fn.strict(name, ColumnType.JSON, a -> JsonOps.objectKeys((String)a[0])) : null;
            case "json_extract_path":
            case "json_extract_path_text":
            {
                if (!json1 || !Args.allText(types.subList(1, n)))
                {
                    return null;
                }
                final boolean asText = name.endsWith("_text");
                return Fn.lenient(name, asText ? ColumnType.TEXT : ColumnType.JSON, a -> extractPath(a, asText));
            }
            case "to_json":
            {
                if (n != 1)
                {
                    return null;
                }
                final ColumnType type = types.get(0);
                return Fn.strict(name, ColumnType.JSON, a -> JsonOps.toJson(a[0], type));
            }
            case "json_build_object":
            {
                final ColumnType[] argTypes = types.toArray(new ColumnType[0]);
                return Fn.lenient(name, ColumnType.JSON, a -> JsonOps.buildObject(a, argTypes));
            }
            case "json_build_array":
            {
                final ColumnType[] argTypes = types.toArray(new ColumnType[0]);
                return Fn.lenient(name, ColumnType.JSON, a -> JsonOps.buildArray(a, argTypes));
            }
            default:
                return null;
        }
    }

    private static boolean isJsonOrText(final ColumnType type)
    {
        return Args.isText(type) || type.kind() == TypeKind.JSON;
    }

    private static Object extractPath(final Object[] a, final boolean asText)
    {
        if (a[0] == null)
        {
            return null;
        }
        final List<String> steps = new ArrayList<>(a.length - 1);
        for (int i = 1; i < a.length; i++)
        {
            if (a[i] == null)
            {
                return null;
            }
            steps.add(Args.text(a[i]));
        }
        final JsonNode node = JsonOps.walk(Json.parse((String)a[0]), steps);
        if (node == null)
        {
            return null;
        }
        return asText ? node.asText() : node.text();
    }
}
