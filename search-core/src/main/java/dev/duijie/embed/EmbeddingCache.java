package dev.duijie.embed;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Vectors already computed, keyed by the SHA-256 of the exact text, in one append-only file per model
 * ({@code DIR/<modelId>.vec}): a reindex embeds only new or changed texts, and a new model (another id) starts from
 * an empty file, so stale vectors are never mixed in. Records are {@code [32-byte hash][dimension big-endian
 * floats]}; a torn last record (a crash mid-append) is dropped on open. Only the hashes and file offsets live in
 * memory (about 100 bytes a vector instead of 2 KiB), so a million-record corpus with its passages fits a small heap;
 * vectors are read back with positional reads. Thread-safe.
 */
public final class EmbeddingCache implements Closeable {
    private static final int HASH_BYTES = 32;

    private final Map<Key, Long> offsets = new HashMap<>();
    private final int dimension;
    private final int recordBytes;
    private final FileChannel file;
    private long end;
    private int computed;
    private int hits;

    private record Key(byte[] hash) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(hash, k.hash);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(hash);
        }
    }

    private EmbeddingCache(int dimension, FileChannel file) {
        this.dimension = dimension;
        this.recordBytes = HASH_BYTES + 4 * dimension;
        this.file = file;
    }

    /** Opens (or creates) the cache of {@code modelId} in {@code dir}. */
    public static EmbeddingCache open(Path dir, String modelId, int dimension) throws IOException {
        Files.createDirectories(dir);
        Path path = dir.resolve(modelId.replaceAll("[^A-Za-z0-9._-]", "_") + ".vec");
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        EmbeddingCache cache = new EmbeddingCache(dimension, channel);
        try {
            long whole = channel.size() / cache.recordBytes;
            ByteBuffer hash = ByteBuffer.allocate(HASH_BYTES);
            for (long i = 0; i < whole; i++) {
                hash.clear();
                cache.readFully(hash, i * cache.recordBytes);
                cache.offsets.put(new Key(hash.array().clone()), i * cache.recordBytes + HASH_BYTES);
            }
            cache.end = whole * cache.recordBytes;
            channel.truncate(cache.end); // drop a torn tail so appends start at a record boundary
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return cache;
    }

    /** The cached vector of {@code text}, computing and appending it with {@code embed} on a miss. */
    public float[] get(String text, Function<String, float[]> embed) {
        Key key = new Key(sha256(text));
        Long at;
        synchronized (this) {
            at = offsets.get(key);
        }
        if (at != null) {
            synchronized (this) {
                hits++;
            }
            return read(at);
        }
        float[] v = embed.apply(text); // outside the lock: the model call is the slow part
        if (v.length != dimension) {
            throw new IllegalArgumentException("vector of " + v.length + " floats, cache holds " + dimension);
        }
        synchronized (this) {
            if (!offsets.containsKey(key)) {
                ByteBuffer record = ByteBuffer.allocate(recordBytes).put(key.hash());
                record.asFloatBuffer().put(v);
                record.clear();
                try {
                    while (record.hasRemaining()) {
                        file.write(record, end + record.position());
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                offsets.put(key, end + HASH_BYTES);
                end += recordBytes;
                computed++;
            }
        }
        return v;
    }

    /** Texts embedded (cache misses) since this cache was opened. */
    public synchronized int computed() {
        return computed;
    }

    /** Lookups answered from the cache since this cache was opened. */
    public synchronized int hits() {
        return hits;
    }

    /** Vectors held. */
    public synchronized int size() {
        return offsets.size();
    }

    @Override
    public synchronized void close() throws IOException {
        file.close();
    }

    private float[] read(long offset) {
        ByteBuffer buf = ByteBuffer.allocate(4 * dimension);
        try {
            readFully(buf, offset);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        float[] v = new float[dimension];
        buf.flip().asFloatBuffer().get(v);
        return v;
    }

    private void readFully(ByteBuffer buf, long offset) throws IOException {
        while (buf.hasRemaining()) {
            if (file.read(buf, offset + buf.position()) < 0) {
                throw new IOException("embedding cache ends early at byte " + (offset + buf.position()));
            }
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JVM has SHA-256
        }
    }
}
