package io.phantomdb.replication;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * A cluster member in its own JVM for {@link ClusterFaultTest}: starts {@link ClusterMember} from a configuration
 * file, prints {@code READY}, then answers commands on stdin:
 * {@code status} -> {@code STATUS <member> <role> <appliedPosition> <checksum> <entriesLoadedFromSnapshot>
 * <snapshotsTaken>};
 * {@code dump <file>} -> writes {@code keyspace TAB keyHex TAB version TAB valueHex} lines of every user entry, then
 * {@code DUMPED}; {@code exit} closes the member.
 */
public final class MemberChild
{
    private MemberChild()
    {
    }

    /**
     * @param args configuration file, member id.
     * @throws Exception on any failure (the test reads stderr).
     */
    public static void main(final String[] args) throws Exception
    {
        final ReplicationConfig config = ReplicationConfig.load(Path.of(args[0]));
        final int memberId = Integer.parseInt(args[1]);
        try (ClusterMember member = ClusterMember.start(config, memberId);
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)))
        {
            System.out.println("READY " + memberId);
            System.out.flush();
            String line;
            while (null != (line = in.readLine()))
            {
                if (line.equals("status"))
                {
                    System.out.println("STATUS " + memberId + " " + member.role() + " " + member.appliedPosition() + " " +
                        member.checksum() + " " + member.snapshotLoadedEntries() + " " + member.metrics().snapshotsTaken());
                }
                else if (line.startsWith("dump "))
                {
                    dump(member, Path.of(line.substring(5)));
                    System.out.println("DUMPED");
                }
                else if (line.equals("exit"))
                {
                    break;
                }
                System.out.flush();
            }
        }
    }

    private static void dump(final ClusterMember member, final Path file) throws Exception
    {
        final HexFormat hex = HexFormat.of();
        final StringBuilder out = new StringBuilder();
        member.store().forEachEntry((ks, key, keyOffset, keyLength, value, valueOffset, valueLength) ->
        {
            if (ks <= ReplicatedStore.MAX_USER_KEYSPACE)
            {
                final byte[] k = new byte[keyLength];
                key.getBytes(keyOffset, k);
                final byte[] v = new byte[valueLength - 8];
                value.getBytes(valueOffset + 8, v);
                out.append(ks).append('\t').append(hex.formatHex(k)).append('\t')
                    .append(value.getLong(valueOffset)).append('\t').append(hex.formatHex(v)).append('\n');
            }
        });
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8))
        {
            writer.write(out.toString());
        }
    }
}
