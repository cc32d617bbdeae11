package dev.duijie.embed;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.BufferedInputStream;
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
 * an empty file, so stale vectors are never mixed in. Records are {@code [32-byte hash][dimension floats]}; a torn
 * last record (a crash mid-append) is ignored on load. Thread-safe.
 */
public final class EmbeddingCache implements Closeable {
    private static final int HASH_BYTES = 32;

    private final Map<Key, float[]> vectors = new HashMap<>();
    private final int dimension;
    private final DataOutputStream out;
    private int computed;

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

    private EmbeddingCache(int dimension, DataOutputStream out) {
        this.dimension = dimension;
        this.out = out;
    }

    /** Opens (or creates) the cache of {@code modelId} in {@code dir}. */
    public static EmbeddingCache open(Path dir, String modelId, int dimension) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(modelId.replaceAll("[^A-Za-z0-9._-]", "_") + ".vec");
        long valid = 0;
        Map<Key, float[]> loaded = new HashMap<>();
        if (Files.exists(file)) {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
                while (true) {
                    byte[] hash = new byte[HASH_BYTES];
                    float[] v = new float[dimension];
                    try {
                        in.readFully(hash);
                        for (int i = 0; i < dimension; i++) {
                            v[i] = in.readFloat();
                        }
                    } catch (EOFException torn) {
                        break;
                    }
                    loaded.put(new Key(hash), v);
                    valid += HASH_BYTES + 4L * dimension;
                }
            }
            if (Files.size(file) != valid) {
                // Drop a torn tail so new records are appended at a record boundary.
                try (var ch = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE)) {
                    ch.truncate(valid);
                }
            }
        }
        EmbeddingCache cache = new EmbeddingCache(dimension, new DataOutputStream(new BufferedOutputStream(
                Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND), 1 << 16)));
        cache.vectors.putAll(loaded);
        return cache;
    }

    /** The cached vector of {@code text}, computing and appending it with {@code embed} on a miss. */
    public float[] get(String text, Function<String, float[]> embed) {
        Key key = new Key(sha256(text));
        synchronized (this) {
            float[] v = vectors.get(key);
            if (v != null) {
                return v;
            }
        }
        float[] v = embed.apply(text); // outside the lock: the model call is the slow part
        if (v.length != dimension) {
            throw new IllegalArgumentException("vector of " + v.length + " floats, cache holds " + dimension);
        }
        synchronized (this) {
            if (vectors.putIfAbsent(key, v) == null) {
                computed++;
                try {
                    out.write(key.hash());
                    for (float f : v) {
                        out.writeFloat(f);
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            return vectors.get(key);
        }
    }

    /** Texts embedded (cache misses) since this cache was opened. */
    public synchronized int computed() {
        return computed;
    }

    /** Vectors held. */
    public synchronized int size() {
        return vectors.size();
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JVM has SHA-256
        }
    }
}
