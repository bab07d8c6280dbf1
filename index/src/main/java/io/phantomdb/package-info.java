/**
 * What every PhantomDB module shares: the error vocabulary ({@link io.phantomdb.PhantomException} and its
 * subclasses) and durable file replacement and fsync ({@link io.phantomdb.FileSync}). It lives in the index
 * module because that module is the root of the dependency graph.
 * <p>
 * All types here are immutable and thread safe.
 */
package io.phantomdb;
