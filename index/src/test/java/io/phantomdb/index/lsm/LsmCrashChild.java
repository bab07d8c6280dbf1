package io.phantomdb.index.lsm;

import java.nio.file.Path;

/**
 * The process {@link LsmCrashTest} kills: writes and checkpoints until killed, printing each durable key.
 * Exits by itself after 30 seconds so it never outlives a failed test.
 * <p>
 * <b>Note:</b> single threaded (plus the tree's agent); a test fixture, not API.
 */
public final class LsmCrashChild
{
    private LsmCrashChild()
    {
    }

    public static void main(final String[] args)
    {
        final long deadline = System.nanoTime() + 30_000_000_000L;
        try (LsmTree tree = LsmTree.open(Path.of(args[0]), LsmCrashTest.config()))
        {
            for (int i = 0; System.nanoTime() < deadline; i++)
            {
                LsmTestSupport.put(tree, i, "value-" + i);
                tree.commit();
                if (i % 25 == 24)
                {
                    tree.flush();
                    System.out.println("durable " + i);
                    System.out.flush();
                }
            }
        }
    }
}
