/**
 * The JSON document model of the SQL layer: a small parser to an immutable tree
 * ({@link io.phantomdb.sql.value.json.Json}, {@link io.phantomdb.sql.value.json.JsonNode}), and
 * PostgreSQL's JSON operators and constructors ({@link io.phantomdb.sql.value.json.JsonOps}). A JSON value
 * is its document text (a {@link java.lang.String}); operators parse it and return sub-documents as the
 * text they had in the input, as PostgreSQL's {@code json} type does.
 * <p>
 * Everything here is stateless or immutable and may be used from any thread.
 */
package io.phantomdb.sql.value.json;
