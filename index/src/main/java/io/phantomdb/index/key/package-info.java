/**
 * The byte-comparable encoding of typed multi-column keys: {@link io.phantomdb.index.key.KeyEncoder}
 * writes a tuple so that {@link io.phantomdb.index.ByteComparator} order of the bytes is the typed
 * order of the tuples ({@link io.phantomdb.index.key.KeySchema#compare}); {@link io.phantomdb.index.key.KeyDecoder}
 * reads it back. The format is drawn in {@link io.phantomdb.index.key.KeyEncodingDescriptor}.
 * <p>
 * Owned by the index module's hash/key area. Threading: encoders and decoders are flyweights owned by
 * one thread each and reused; everything else here is immutable. No shared mutable state, so no memory
 * ordering concerns.
 */
package io.phantomdb.index.key;
