/**
 * The error vocabulary shared by every PhantomDB module: {@link io.phantomdb.PhantomException} and its
 * subclasses. It lives in the index module because that module is the root of the dependency graph.
 * <p>
 * All types here are immutable and thread safe.
 */
package io.phantomdb;
