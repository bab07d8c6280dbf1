package io.phantomdb.sql.engine;

import io.phantomdb.core.schema.TableSchema;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The session's run-time settings (SET / SHOW): the well-known ones start with PostgreSQL-like values;
 * any other name is accepted and remembered, as a client-friendliness measure.
 * <p>
 * <b>Note:</b> confined to the session's thread.
 */
final class Settings
{
    private final Map<String, String> values = new LinkedHashMap<>();

    Settings()
    {
        values.put("server_version", "16.0");
        values.put("server_encoding", "UTF8");
        values.put("client_encoding", "UTF8");
        values.put("datestyle", "ISO, MDY");
        values.put("timezone", "UTC");
        values.put("search_path", "\"$user\", public");
        values.put("application_name", "");
        values.put("standard_conforming_strings", "on");
        values.put("integer_datetimes", "on");
        values.put("intervalstyle", "postgres");
        values.put("statement_timeout", "0");
    }

    String get(final String name)
    {
        return values.get(TableSchema.fold(name));
    }

    void set(final String name, final String value)
    {
        values.put(TableSchema.fold(name), value);
    }

    Map<String, String> all()
    {
        return values;
    }
}
