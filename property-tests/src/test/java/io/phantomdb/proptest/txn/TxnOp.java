package io.phantomdb.proptest.txn;

/**
 * One operation of a scripted transaction over the small key space {@code 0 .. keys-1}.
 * <ul>
 *   <li>{@code GET k}, {@code PUT k}, {@code DELETE k}, {@code LOCK k} (lockForUpdate) act on one key;</li>
 *   <li>{@code SCAN lo..hi} reads every key in {@code [lo, hi]} with a cursor, forward from
 *       {@code seekCeiling(lo)} or, when {@code reverse}, backward from {@code seekFloor(hi)}.</li>
 *   <li>{@code OPEN k} opens the transaction's long-lived cursor and positions it with {@code seekCeiling(k)};
 *       {@code NEXT} moves it one key on (nothing if it is not positioned). The cursor stays open across the
 *       steps of other transactions and the transaction's own writes and statements.</li>
 * </ul>
 * The value of a {@code PUT} is not part of the op: the runner derives a unique one from the transaction and
 * op index ({@code T<txn>.<op>}) so that every value read names the write that produced it.
 *
 * @param kind    what to do.
 * @param key     the key, or the low end of a scan.
 * @param keyTo   the high end of a scan (inclusive); equal to {@code key} otherwise.
 * @param reverse whether a scan runs backward.
 */
record TxnOp(Kind kind, int key, int keyTo, boolean reverse)
{
    enum Kind
    {
        GET, PUT, DELETE, SCAN, LOCK, OPEN, NEXT
    }

    static TxnOp get(final int key)
    {
        return new TxnOp(Kind.GET, key, key, false);
    }

    static TxnOp put(final int key)
    {
        return new TxnOp(Kind.PUT, key, key, false);
    }

    static TxnOp delete(final int key)
    {
        return new TxnOp(Kind.DELETE, key, key, false);
    }

    static TxnOp lock(final int key)
    {
        return new TxnOp(Kind.LOCK, key, key, false);
    }

    static TxnOp open(final int key)
    {
        return new TxnOp(Kind.OPEN, key, key, false);
    }

    static TxnOp next()
    {
        return new TxnOp(Kind.NEXT, 0, 0, false);
    }

    static TxnOp scan(final int lo, final int hi, final boolean reverse)
    {
        return new TxnOp(Kind.SCAN, Math.min(lo, hi), Math.max(lo, hi), reverse);
    }

    boolean writes()
    {
        return kind == Kind.PUT || kind == Kind.DELETE;
    }

    @Override
    public String toString()
    {
        return switch (kind)
        {
            case SCAN -> (reverse ? "rscan(" : "scan(") + "k" + key + "..k" + keyTo + ")";
            case NEXT -> "next";
            default -> kind.name().toLowerCase() + "(k" + key + ")";
        };
    }
}
