/**
 * The server's own metrics (connections, statements, errors, latency histograms) and their Prometheus text
 * exposition together with the engine's counters. Recording is lock-free from any connection thread.
 */
package io.phantomdb.server.metrics;
