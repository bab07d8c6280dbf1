package io.phantomdb.replication;

import io.aeron.Counter;
import io.aeron.archive.Archive;
import io.aeron.archive.ArchiveThreadingMode;
import io.aeron.archive.client.AeronArchive;
import io.aeron.cluster.ClusterControl;
import io.aeron.cluster.ConsensusModule;
import io.aeron.cluster.client.ClusterEvent;
import io.aeron.cluster.service.Cluster;
import io.aeron.cluster.service.ClusteredServiceContainer;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.phantomdb.replication.sql.SqlReplica;
import org.agrona.CloseHelper;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.NoOpLock;

import java.io.File;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * One member of a replicated PhantomDB cluster in this process: a media driver, an archive, a consensus module
 * (Aeron Cluster's Raft) and a service container running {@link ReplicatedService} over a {@link ReplicatedStore}.
 * Every Aeron thread idles with {@link IdleStrategies} (parking back-off) and the driver and archive run in shared
 * threading mode. Files live under {@link ReplicationConfig#memberDir}: {@code aeron/} (driver), {@code archive/}
 * (the recorded Raft log and snapshots) and {@code cluster/} (recording log, mark files). Restarting a member on the
 * same directory loads its latest snapshot and replays the log after it; the leader then catches it up.
 * <p>
 * With {@link ReplicationConfig#snapshotIntervalNs} set, whichever member leads requests a cluster snapshot at that
 * interval.
 * <p>
 * Local reads: {@link #read} (stale: whatever this member applied) and {@link #readAtLeast} (read-your-writes: waits
 * until this member applied a given commit position). Linearizable reads go through the log
 * ({@link ClusterClient#read}).
 * <p>
 * <b>Note:</b> thread safe: reads, metrics and {@link #close()} may be called from any thread.
 */
public final class ClusterMember implements AutoCloseable
{
    private static final System.Logger LOGGER = System.getLogger("io.phantomdb.replication");
    private static final String LOCAL_CONTROL_CHANNEL = "aeron:ipc?term-length=1m";
    private static final int SEGMENT_FILE_LENGTH = 64 * 1024 * 1024;
    private static final long STALE_MARK_FILE_WAIT_NS = TimeUnit.SECONDS.toNanos(30);
    /**
     * Aeron's default is 10. Every server member holds a client session, a killed member's session lingers until the
     * session timeout, and each connect attempt that times out leaves one open until then too: under repeated leader
     * kills the SQL fault test hit "concurrent session limit" and clients could not reconnect for minutes.
     */
    private static final int MAX_CONCURRENT_SESSIONS = 256;

    private final int memberId;
    private final ReplicatedStore store;
    private final SqlReplica sql;
    private final ReplicatedService service;
    private final MediaDriver driver;
    private final Archive archive;
    private final ConsensusModule consensusModule;
    private final ClusteredServiceContainer container;
    private final AtomicLong errors = new AtomicLong();
    private final Thread snapshotTimer;
    private volatile boolean closed;

    private ClusterMember(final ReplicationConfig config, final int memberId)
    {
        this.memberId = memberId;
        this.store = new ReplicatedStore();
        this.sql = new SqlReplica();
        this.service = new ReplicatedService(store, sql);
        final Path dir = config.memberDir(memberId).toAbsolutePath();
        final String aeronDir = dir.resolve("aeron").toString();
        final File clusterDir = dir.resolve("cluster").toFile();
        final String host = config.host();
        final ErrorHandler errorHandler = this::onError;

        final MediaDriver.Context driverContext = new MediaDriver.Context()
            .aeronDirectoryName(aeronDir)
            .threadingMode(ThreadingMode.SHARED)
            .sharedIdleStrategy(IdleStrategies.create(config.idleMaxParkNs()))
            .termBufferSparseFile(true)
            .ipcTermBufferLength(8 * 1024 * 1024)
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true)
            .errorHandler(errorHandler);

        final Archive.Context archiveContext = new Archive.Context()
            .aeronDirectoryName(aeronDir)
            .archiveDir(dir.resolve("archive").toFile())
            .archiveId(memberId)
            .controlChannel("aeron:udp?endpoint=" + config.endpoint(memberId, ReplicationConfig.ARCHIVE_PORT_OFFSET))
            .localControlChannel(LOCAL_CONTROL_CHANNEL)
            .replicationChannel("aeron:udp?endpoint=" + host + ":0")
            .archiveClientContext(new AeronArchive.Context().controlResponseChannel("aeron:udp?endpoint=" + host + ":0"))
            .recordingEventsEnabled(false)
            .threadingMode(ArchiveThreadingMode.SHARED)
            .idleStrategySupplier(IdleStrategies.backoff(config.idleMaxParkNs()))
            .segmentFileLength(SEGMENT_FILE_LENGTH)
            .deleteArchiveOnStart(false)
            .errorHandler(errorHandler);

        final AeronArchive.Context localArchive = new AeronArchive.Context()
            .lock(NoOpLock.INSTANCE)
            .controlRequestChannel(LOCAL_CONTROL_CHANNEL)
            .controlRequestStreamId(archiveContext.localControlStreamId())
            .controlResponseChannel(LOCAL_CONTROL_CHANNEL)
            .aeronDirectoryName(aeronDir);

        final ConsensusModule.Context consensusContext = new ConsensusModule.Context()
            .aeronDirectoryName(aeronDir)
            .clusterMemberId(memberId)
            .clusterMembers(config.clusterMembers())
            .clusterDir(clusterDir)
            .ingressChannel("aeron:udp?term-length=1m")
            .logChannel("aeron:udp?term-length=4m")
            .replicationChannel("aeron:udp?endpoint=" + host + ":0")
            .archiveContext(localArchive.clone())
            .serviceCount(1)
            .idleStrategySupplier(IdleStrategies.backoff(config.idleMaxParkNs()))
            .leaderHeartbeatTimeoutNs(config.leaderHeartbeatTimeoutNs())
            .leaderHeartbeatIntervalNs(config.leaderHeartbeatIntervalNs())
            .electionTimeoutNs(config.electionTimeoutNs())
            .startupCanvassTimeoutNs(config.startupCanvassTimeoutNs())
            .sessionTimeoutNs(config.sessionTimeoutNs())
            .maxConcurrentSessions(MAX_CONCURRENT_SESSIONS)
            .deleteDirOnStart(false)
            .errorHandler(errorHandler);

        MediaDriver launchedDriver = null;
        Archive launchedArchive = null;
        ConsensusModule launchedConsensus = null;
        try
        {
            launchedDriver = MediaDriver.launch(driverContext);
            launchedArchive = Archive.launch(archiveContext);
            launchedConsensus = ConsensusModule.launch(consensusContext);
            this.container = ClusteredServiceContainer.launch(new ClusteredServiceContainer.Context()
                .aeronDirectoryName(aeronDir)
                .archiveContext(localArchive.clone())
                .clusterDir(clusterDir)
                .clusteredService(service)
                .serviceId(0)
                .idleStrategySupplier(IdleStrategies.backoff(config.idleMaxParkNs()))
                .errorHandler(errorHandler));
            this.driver = launchedDriver;
            this.archive = launchedArchive;
            this.consensusModule = launchedConsensus;
            this.snapshotTimer = 0 == config.snapshotIntervalNs() ? null : startSnapshotTimer(config.snapshotIntervalNs());
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietCloseAll(launchedConsensus, launchedArchive, launchedDriver);
            store.close();
            sql.close();
            throw ex;
        }
    }

    /**
     * Start a member on its directory (created if missing; its existing log and snapshots are recovered). After a
     * crash the previous process's archive and cluster mark files look active for about 10 s (Aeron's liveness
     * timeout); start waits up to 30 s for them to go stale.
     *
     * @param config   the cluster's configuration.
     * @param memberId this member's id, 0 to {@code members - 1}.
     * @return the running member.
     * @throws IllegalArgumentException if the member id is out of range.
     */
    public static ClusterMember start(final ReplicationConfig config, final int memberId)
    {
        config.validate();
        if (memberId < 0 || memberId >= config.members())
        {
            throw new IllegalArgumentException("member id must be in [0, " + (config.members() - 1) + "]: " +
                memberId);
        }
        final long deadline = System.nanoTime() + STALE_MARK_FILE_WAIT_NS;
        while (true)
        {
            try
            {
                return new ClusterMember(config, memberId);
            }
            catch (final IllegalStateException ex)
            {
                if (null == ex.getMessage() || !ex.getMessage().startsWith("active mark file detected") ||
                    System.nanoTime() - deadline > 0)
                {
                    throw ex;
                }
                LOGGER.log(Level.INFO, "member {0}: {1}; waiting for it to go stale (a killed member's mark " +
                    "files stay live for about 10 s)", memberId, ex.getMessage());
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
            }
        }
    }

    /**
     * @return the directory of this member's media driver, for a co-located
     * {@link ClusterClient#connectThroughDriver} (a server embedding the member).
     */
    public String aeronDirectoryName()
    {
        return driver.aeronDirectoryName();
    }

    /**
     * @return this member's id.
     */
    public int memberId()
    {
        return memberId;
    }

    /**
     * @return the consensus module's current role; {@code null} once closed.
     */
    public Cluster.Role role()
    {
        final Counter counter = consensusModule.context().clusterNodeRoleCounter();
        return closed || counter.isClosed() ? null : Cluster.Role.get(counter);
    }

    /**
     * @return true until this member is closed or its consensus module stopped on its own (for example after a fatal
     * Aeron error such as a conductor service timeout); a member that is not running must be restarted.
     */
    public boolean isRunning()
    {
        return null != role();
    }

    /**
     * @return true if this member is the leader now.
     */
    public boolean isLeader()
    {
        return Cluster.Role.LEADER == role();
    }

    /**
     * Stale read: the value this member has applied so far, without waiting. Any thread.
     *
     * @param keyspace the keyspace.
     * @param key      the key.
     * @return the value and version.
     */
    public VersionedValue read(final int keyspace, final byte[] key)
    {
        return store.read(keyspace, key);
    }

    /**
     * Read-your-writes on any member: wait until this member applied the log up to {@code minPosition} (for example
     * {@link ClusterClient#lastCommitPosition()}), then read. Any thread.
     *
     * @param keyspace    the keyspace.
     * @param key         the key.
     * @param minPosition the commit position the read must reflect.
     * @param timeoutNs   longest wait.
     * @return the value and version.
     * @throws ReplicationTimeoutException if this member had not applied {@code minPosition} in time.
     */
    public VersionedValue readAtLeast(final int keyspace, final byte[] key, final long minPosition, final long timeoutNs)
    {
        awaitApplied(minPosition, timeoutNs);
        return store.read(keyspace, key);
    }

    /**
     * Wait until this member applied the log up to a position.
     *
     * @param position  the log position.
     * @param timeoutNs longest wait.
     * @throws ReplicationTimeoutException if it had not in time.
     */
    public void awaitApplied(final long position, final long timeoutNs)
    {
        final long deadline = System.nanoTime() + timeoutNs;
        while (service.appliedPosition() < position)
        {
            if (System.nanoTime() - deadline > 0)
            {
                throw new ReplicationTimeoutException("member " + memberId + " applied the log up to " +
                    service.appliedPosition() + " but not " + position + " within " +
                    TimeUnit.NANOSECONDS.toMillis(timeoutNs) + " ms");
            }
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(100));
        }
    }

    /**
     * @return the log position up to which this member applied the log.
     */
    public long appliedPosition()
    {
        return service.appliedPosition();
    }

    /**
     * @return {@link ReplicatedStore#checksum()} of this member's state.
     */
    public long checksum()
    {
        return store.checksum();
    }

    /**
     * @return this member's store, for reads and checks (written only by the service thread).
     */
    public ReplicatedStore store()
    {
        return store;
    }

    /**
     * @return this member's SQL data (written only by the service thread; sessions read it).
     */
    public SqlReplica sql()
    {
        return sql;
    }

    /**
     * @return {@link SqlReplica#checksum()} of this member's SQL data: every table, index and the catalog.
     */
    public long sqlChecksum()
    {
        return sql.checksum();
    }

    /**
     * Ask the cluster to take a snapshot on every member (works on the leader: it toggles the consensus module's
     * control counter, as {@code ClusterTool snapshot} does).
     *
     * @return true if the request was accepted (this member leads and no other action is pending).
     */
    public boolean requestSnapshot()
    {
        final Counter toggle = consensusModule.context().controlToggleCounter();
        return !closed && isLeader() && ClusterControl.ToggleState.SNAPSHOT.toggle(toggle);
    }

    /**
     * @return the current metrics of this member.
     */
    public MemberMetrics metrics()
    {
        final ConsensusModule.Context context = consensusModule.context();
        final Cluster.Role role = role();
        final long commit = value(context.commitPositionCounter());
        final long applied = service.appliedPosition();
        return new MemberMetrics(
            memberId,
            null == role ? "CLOSED" : role.name(),
            value(context.leadershipTermIdCounter()),
            commit,
            applied,
            Math.max(0, commit - applied),
            value(context.electionCounter()),
            service.snapshotsTaken(),
            TimeUnit.NANOSECONDS.toMicros(service.lastSnapshotNanos()),
            TimeUnit.NANOSECONDS.toMicros(service.maxSnapshotNanos()),
            service.snapshotLoadNanos() < 0 ? -1 : TimeUnit.NANOSECONDS.toMicros(service.snapshotLoadNanos()),
            service.transactionsApplied(),
            service.undeliveredResponses());
    }

    /**
     * @return entries loaded from a snapshot when this member started (0 without one).
     */
    public long snapshotLoadedEntries()
    {
        return service.snapshotLoadedEntries();
    }

    /**
     * @return errors reported by this member's Aeron components since start (logged at WARNING); cluster events
     * such as a leader heartbeat timeout are logged at INFO and not counted.
     */
    public long errorCount()
    {
        return errors.get();
    }

    /**
     * Stop the service container, consensus module, archive and driver, then the store and the SQL data. The directory stays for a
     * restart. Idempotent.
     */
    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        if (null != snapshotTimer)
        {
            snapshotTimer.interrupt();
        }
        CloseHelper.closeAll(container, consensusModule, archive, driver);
        store.close();
        sql.close();
    }

    private Thread startSnapshotTimer(final long intervalNs)
    {
        final Thread thread = new Thread(() ->
        {
            while (!closed && !Thread.currentThread().isInterrupted())
            {
                LockSupport.parkNanos(intervalNs);
                if (!closed && requestSnapshot())
                {
                    LOGGER.log(Level.INFO, "member {0} (leader) requested the periodic cluster snapshot", memberId);
                }
            }
        }, "phantomdb-snapshot-timer-" + memberId);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private long value(final Counter counter)
    {
        return closed || null == counter || counter.isClosed() ? -1 : counter.get();
    }

    private void onError(final Throwable error)
    {
        if (error instanceof ClusterEvent)
        {
            LOGGER.log(Level.INFO, "cluster member {0}: {1}", memberId, error.getMessage());
            return;
        }
        errors.incrementAndGet();
        if (!closed)
        {
            LOGGER.log(Level.WARNING, "cluster member " + memberId + ": " + error, error);
        }
    }
}
