/**
 * The HTTP side of the server: health, Prometheus metrics and the web console with its small JSON API, on the
 * JDK's embedded HTTP server. Requests run on the endpoint's own pool; every console query opens its own session.
 */
package io.phantomdb.server.http;
