package io.phantomdb.replication;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Command line entry of one cluster member ({@code bin/phantomdb cluster member --cluster cluster.conf --member N}):
 * starts the member from the configuration file, prints its metrics every {@code --status-seconds} (10 by default)
 * and runs until the process is stopped (SIGTERM/Ctrl-C close it cleanly); exits with status 1 if the member's
 * consensus module stops on its own (a fatal Aeron error), so that a supervisor restarts it.
 * <p>
 * <b>Note:</b> a program entry point; not for use as a library.
 */
public final class MemberMain
{
    private MemberMain()
    {
    }

    /**
     * @param args {@code --cluster FILE --member N [--status-seconds S]}.
     * @throws Exception if the configuration cannot be read or the member cannot start.
     */
    public static void main(final String[] args) throws Exception
    {
        Path conf = null;
        int memberId = -1;
        long statusSeconds = 10;
        for (int i = 0; i < args.length; i++)
        {
            switch (args[i])
            {
                case "--cluster":
                    conf = Path.of(args[++i]);
                    break;
                case "--member":
                    memberId = Integer.parseInt(args[++i]);
                    break;
                case "--status-seconds":
                    statusSeconds = Long.parseLong(args[++i]);
                    break;
                default:
                    usage("unknown argument '" + args[i] + "'");
                    return;
            }
        }
        if (null == conf || memberId < 0)
        {
            usage("--cluster and --member are required");
            return;
        }
        final ReplicationConfig config = ReplicationConfig.load(conf);
        final ClusterMember member = ClusterMember.start(config, memberId);
        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
        {
            member.close();
            stopped.countDown();
        }, "phantomdb-member-shutdown"));
        System.out.println("phantomdb cluster member " + memberId + " of " + config.members() + " started: " +
            "ingress " + config.endpoint(memberId, ReplicationConfig.INGRESS_PORT_OFFSET) + ", directory " +
            config.memberDir(memberId).toAbsolutePath());
        while (!stopped.await(statusSeconds, TimeUnit.SECONDS))
        {
            if (!member.isRunning())
            {
                System.err.println("phantomdb cluster member " + memberId + " stopped on its own (see the log above); " +
                    "exiting so that it can be restarted");
                System.exit(1);
            }
            System.out.println(member.metrics());
        }
    }

    private static void usage(final String problem)
    {
        System.err.println("phantomdb cluster member: " + problem);
        System.err.println("usage: phantomdb cluster member --cluster cluster.conf --member N [--status-seconds S]");
        System.exit(2);
    }
}
