package io.phantomdb.index.hash;

/**
 * Settings of an {@link OffHeapHashIndex}, validated once by {@link #validate()} (which
 * {@link OffHeapHashIndex#create} calls). Fluent setters; the defaults suit small indexes.
 * <p>
 * <b>Note:</b> not thread safe; configure on one thread, then hand to {@link OffHeapHashIndex#create}.
 */
public final class HashIndexConfig
{
    /** Default expected number of entries. */
    public static final int DEFAULT_INITIAL_CAPACITY = 1024;
    /** Default maximum fraction of slots in use (live and tombstones) before a rebuild. */
    public static final float DEFAULT_LOAD_FACTOR = 0.5f;
    /** Default initial size of the entry arena, in bytes. */
    public static final int DEFAULT_INITIAL_ARENA_BYTES = 64 * 1024;
    /** Default longest key, in bytes. */
    public static final int DEFAULT_MAX_KEY_LENGTH = 4096;
    /** Default longest value, in bytes. */
    public static final int DEFAULT_MAX_VALUE_LENGTH = 1024 * 1024;

    private String name = "hash index";
    private int initialCapacity = DEFAULT_INITIAL_CAPACITY;
    private float loadFactor = DEFAULT_LOAD_FACTOR;
    private int initialArenaBytes = DEFAULT_INITIAL_ARENA_BYTES;
    private int maxKeyLength = DEFAULT_MAX_KEY_LENGTH;
    private int maxValueLength = DEFAULT_MAX_VALUE_LENGTH;

    /**
     * @param name what to call the index in error messages.
     * @return this config.
     */
    public HashIndexConfig name(final String name)
    {
        this.name = name;
        return this;
    }

    /**
     * @param initialCapacity expected number of entries, 1 or more: the slot table starts large enough
     *                        for them without a rebuild.
     * @return this config.
     */
    public HashIndexConfig initialCapacity(final int initialCapacity)
    {
        this.initialCapacity = initialCapacity;
        return this;
    }

    /**
     * @param loadFactor fraction of slots in use (live keys plus tombstones) above which the table is
     *                   rebuilt, in [0.1, 0.9]; lower is faster to probe and larger.
     * @return this config.
     */
    public HashIndexConfig loadFactor(final float loadFactor)
    {
        this.loadFactor = loadFactor;
        return this;
    }

    /**
     * @param initialArenaBytes starting size of the entry arena; it doubles as needed and compaction
     *                          never shrinks it below this.
     * @return this config.
     */
    public HashIndexConfig initialArenaBytes(final int initialArenaBytes)
    {
        this.initialArenaBytes = initialArenaBytes;
        return this;
    }

    /**
     * @param maxKeyLength longest key accepted, in bytes.
     * @return this config.
     */
    public HashIndexConfig maxKeyLength(final int maxKeyLength)
    {
        this.maxKeyLength = maxKeyLength;
        return this;
    }

    /**
     * @param maxValueLength longest value accepted, in bytes.
     * @return this config.
     */
    public HashIndexConfig maxValueLength(final int maxValueLength)
    {
        this.maxValueLength = maxValueLength;
        return this;
    }

    /**
     * @return what to call the index in error messages.
     */
    public String name()
    {
        return name;
    }

    /**
     * @return expected number of entries.
     */
    public int initialCapacity()
    {
        return initialCapacity;
    }

    /**
     * @return maximum fraction of slots in use before a rebuild.
     */
    public float loadFactor()
    {
        return loadFactor;
    }

    /**
     * @return starting size of the entry arena in bytes.
     */
    public int initialArenaBytes()
    {
        return initialArenaBytes;
    }

    /**
     * @return longest key accepted, in bytes.
     */
    public int maxKeyLength()
    {
        return maxKeyLength;
    }

    /**
     * @return longest value accepted, in bytes.
     */
    public int maxValueLength()
    {
        return maxValueLength;
    }

    /**
     * Check every setting.
     *
     * @return this config.
     * @throws IllegalArgumentException naming the first bad setting and its value.
     */
    public HashIndexConfig validate()
    {
        if (null == name || name.isEmpty())
        {
            throw new IllegalArgumentException("name must be non-empty, got " + (null == name ? "null" : "\"\""));
        }
        if (!(loadFactor >= 0.1f && loadFactor <= 0.9f))
        {
            throw new IllegalArgumentException("loadFactor must be in [0.1, 0.9], got " + loadFactor);
        }
        final long maxEntries = (long)(HashTableDescriptor.MAX_SLOT_CAPACITY * (double)loadFactor / 2) - 1;
        if (initialCapacity < 1 || initialCapacity > maxEntries)
        {
            throw new IllegalArgumentException("initialCapacity must be in [1, " + maxEntries + "], got " + initialCapacity);
        }
        if (initialArenaBytes < HashTableDescriptor.MIN_ARENA_CAPACITY ||
            initialArenaBytes > HashTableDescriptor.MAX_ARENA_CAPACITY)
        {
            throw new IllegalArgumentException("initialArenaBytes must be in [" + HashTableDescriptor.MIN_ARENA_CAPACITY +
                ", " + HashTableDescriptor.MAX_ARENA_CAPACITY + "], got " + initialArenaBytes);
        }
        final int maxEntryPayload = HashTableDescriptor.MAX_ARENA_CAPACITY / 4;
        if (maxKeyLength < 1 || maxKeyLength > maxEntryPayload)
        {
            throw new IllegalArgumentException("maxKeyLength must be in [1, " + maxEntryPayload + "], got " + maxKeyLength);
        }
        if (maxValueLength < 0 || maxValueLength > maxEntryPayload)
        {
            throw new IllegalArgumentException("maxValueLength must be in [0, " + maxEntryPayload + "], got " + maxValueLength);
        }
        return this;
    }

    @Override
    public String toString()
    {
        return "HashIndexConfig{name=" + name + ", initialCapacity=" + initialCapacity + ", loadFactor=" + loadFactor +
            ", initialArenaBytes=" + initialArenaBytes + ", maxKeyLength=" + maxKeyLength +
            ", maxValueLength=" + maxValueLength + '}';
    }
}
