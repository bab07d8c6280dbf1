package io.phantomdb.perf.txn;

import io.phantomdb.perf.ScratchDirectory;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.DataFormatException;

/**
 * Commit latencies: how a committer thread records them ({@link #newHistogram()}) and how the
 * histograms travel from a JMH fork to {@link TxnBenchTable}: one file per committer thread and trial
 * under the latency directory, named after the configuration ({@link #label}), merged by
 * {@link #readAll(Path)}.
 * <p>
 * File format (text, UTF-8), one file per thread and trial:
 * <pre>
 *   line 1: retries &lt;count of transactions retried after a write conflict&gt;
 *   line 2: the HdrHistogram (nanoseconds) in its compressed encoding, Base64
 * </pre>
 * <b>Note:</b> stateless, safe from any thread; each histogram belongs to one committer thread until written.
 */
public final class CommitLatency
{
    /** System property naming the latency directory; {@link TxnBenchTable} sets it for its forks. */
    public static final String DIR_PROPERTY = "phantomdb.bench.txn.latency.dir";
    /** Highest latency a histogram tracks, in nanoseconds; longer commits are recorded as this. */
    public static final long MAX_NANOS = TimeUnit.SECONDS.toNanos(60);
    /** Significant decimal digits kept by each histogram. */
    public static final int DIGITS = 3;
    private static final String SUFFIX = ".hist";
    private static final String RETRIES = "retries ";

    /**
     * The merged latencies of one configuration.
     *
     * @param histogram every measured commit of every committer thread, in nanoseconds.
     * @param retries   transactions retried after a write conflict.
     * @param files     how many per-thread files were merged.
     */
    public record Merged(Histogram histogram, long retries, int files)
    {
    }

    private CommitLatency()
    {
    }

    /**
     * @return a histogram for one committer thread: 1 ns to {@link #MAX_NANOS}, {@value #DIGITS} digits.
     */
    public static Histogram newHistogram()
    {
        return new Histogram(MAX_NANOS, DIGITS);
    }

    /**
     * @return the latency directory: the system property {@value #DIR_PROPERTY}, else
     *         {@code txn-latency} under the bench directory.
     */
    public static Path dir()
    {
        final String configured = System.getProperty(DIR_PROPERTY);
        return configured != null ? Paths.get(configured) : ScratchDirectory.benchDir().resolve("txn-latency");
    }

    /**
     * @param store      store name.
     * @param sync       sync parameter.
     * @param order      key order parameter.
     * @param committers committer threads.
     * @return the name of the configuration, e.g. {@code rocksdb-always-sequential-16}.
     */
    public static String label(final String store, final String sync, final String order, final int committers)
    {
        return store + "-" + sync + "-" + order + "-" + committers;
    }

    /**
     * Write one committer thread's histogram to a new file in {@code dir}.
     *
     * @param dir       the latency directory, created if missing.
     * @param label     the configuration, see {@link #label}.
     * @param thread    the committer thread's index.
     * @param histogram its latencies.
     * @param retries   its conflict retries.
     * @throws UncheckedIOException if the file cannot be written.
     */
    public static void write(final Path dir, final String label, final int thread, final Histogram histogram, final long retries)
    {
        final ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        final int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        final byte[] bytes = new byte[length];
        buffer.flip();
        buffer.get(bytes);
        final String text = RETRIES + retries + "\n" + Base64.getEncoder().encodeToString(bytes) + "\n";
        try
        {
            Files.createDirectories(dir);
            final Path file = Files.createTempFile(dir, label + "." + thread + ".", SUFFIX);
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write the latency histogram of " + label + " to " + dir, ex);
        }
    }

    /**
     * Read and merge every histogram file in {@code dir} by configuration.
     *
     * @param dir the latency directory; none means no results.
     * @return label to merged latencies, sorted by label.
     * @throws UncheckedIOException     if a file cannot be read.
     * @throws IllegalStateException    naming the file if one is malformed.
     */
    public static Map<String, Merged> readAll(final Path dir)
    {
        final Map<String, Merged> merged = new TreeMap<>();
        if (!Files.isDirectory(dir))
        {
            return merged;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX))
        {
            for (final Path file : files)
            {
                final String name = file.getFileName().toString();
                final String label = name.substring(0, name.indexOf('.'));
                final List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                if (lines.size() < 2 || !lines.get(0).startsWith(RETRIES))
                {
                    throw new IllegalStateException("malformed latency file " + file + ": expected '" + RETRIES +
                        "N' and a Base64 histogram, got " + lines.size() + " lines");
                }
                final long retries = Long.parseLong(lines.get(0).substring(RETRIES.length()).trim());
                final Histogram histogram = Histogram.decodeFromCompressedByteBuffer(
                    ByteBuffer.wrap(Base64.getDecoder().decode(lines.get(1).trim())), MAX_NANOS);
                final Merged old = merged.get(label);
                if (old == null)
                {
                    final Histogram sum = newHistogram();
                    sum.add(histogram);
                    merged.put(label, new Merged(sum, retries, 1));
                }
                else
                {
                    old.histogram().add(histogram);
                    merged.put(label, new Merged(old.histogram(), old.retries() + retries, old.files() + 1));
                }
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read latency histograms in " + dir, ex);
        }
        catch (final DataFormatException ex)
        {
            throw new IllegalStateException("corrupt latency histogram in " + dir + ": " + ex.getMessage(), ex);
        }
        return merged;
    }
}
