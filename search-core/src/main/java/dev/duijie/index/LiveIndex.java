package dev.duijie.index;

import dev.duijie.analysis.Vocabulary;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The live generation of an {@link IndexHome}, switched without a restart: every call {@link #acquire}s a lease on
 * the current generation and closes it when done; a new generation (a reindex moved the pointer, or an incremental
 * update was committed) replaces the current one for new calls, and the old one is closed only when its last lease
 * ends — no call ever sees a closed or half-built index. The pointer is checked at most once a second, on acquire.
 * Each generation is queried with the vocabulary it was built with ({@link Vocabulary#forIndex}).
 *
 * @param <T> what is built once per generation on top of its index (the matcher and its caches)
 */
public final class LiveIndex<T> implements Closeable {
    private static final System.Logger LOG = System.getLogger(LiveIndex.class.getName());
    private static final long CHECK_INTERVAL_NANOS = 1_000_000_000L;

    private final IndexHome home;
    private final Function<SearchIndex, T> attach;
    private final AtomicReference<Generation<T>> current = new AtomicReference<>();
    private volatile long lastCheck = System.nanoTime();
    private volatile boolean closed;

    private static final class Generation<T> {
        final String name;
        final SearchIndex index;
        final T value;
        final AtomicInteger refs = new AtomicInteger(1); // the LiveIndex's own reference

        Generation(String name, SearchIndex index, T value) {
            this.name = name;
            this.index = index;
            this.value = value;
        }

        boolean tryIncRef() {
            while (true) {
                int n = refs.get();
                if (n == 0) {
                    return false;
                }
                if (refs.compareAndSet(n, n + 1)) {
                    return true;
                }
            }
        }

        void decRef() {
            if (refs.decrementAndGet() == 0) {
                try {
                    index.close();
                } catch (IOException e) {
                    LOG.log(System.Logger.Level.WARNING, "closing generation " + name + " failed", e);
                }
            }
        }
    }

    /** A generation in use; close it when the call is done. */
    public static final class Lease<T> implements AutoCloseable {
        private final Generation<T> generation;

        private Lease(Generation<T> generation) {
            this.generation = generation;
        }

        public SearchIndex index() {
            return generation.index;
        }

        public T value() {
            return generation.value;
        }

        /** The generation's name ({@code gen-000007}, or {@code .} for a plain index directory). */
        public String generation() {
            return generation.name;
        }

        @Override
        public void close() {
            generation.decRef();
        }
    }

    private LiveIndex(IndexHome home, Function<SearchIndex, T> attach) {
        this.home = home;
        this.attach = attach;
    }

    /**
     * Opens the live generation of {@code dir} — a home with a pointer, or (older layout) a plain index directory,
     * which is served as it is and never switched.
     */
    public static <T> LiveIndex<T> open(Path dir, Function<SearchIndex, T> attach) throws IOException {
        LiveIndex<T> live = new LiveIndex<>(IndexHome.at(dir), attach);
        String name = live.home.live().orElse(null);
        if (name == null && !hasSegments(dir)) {
            throw new IOException("no index in " + dir + " (no " + IndexHome.POINTER + " pointer and no Lucene index)");
        }
        live.current.set(live.load(name == null ? "." : name));
        return live;
    }

    private Generation<T> load(String name) throws IOException {
        Path dir = ".".equals(name) ? home.path() : home.dir(name);
        SearchIndex index = SearchIndex.open(dir, Vocabulary.forIndex(dir));
        try {
            return new Generation<>(name, index, attach.apply(index));
        } catch (RuntimeException e) {
            index.close();
            throw e;
        }
    }

    /** A lease on the live generation, after switching to a newer one if the pointer moved. */
    public Lease<T> acquire() {
        if (closed) {
            throw new IllegalStateException("index closed");
        }
        if (System.nanoTime() - lastCheck > CHECK_INTERVAL_NANOS) {
            lastCheck = System.nanoTime();
            refresh();
        }
        while (true) {
            Generation<T> g = current.get();
            if (g.tryIncRef()) {
                return new Lease<>(g);
            }
            // g was retired between get and incRef: the next get sees its successor.
        }
    }

    /**
     * Switches to the generation the pointer names, if it differs from the live one. A pointer that cannot be read
     * (corrupt, or naming a missing generation) is logged and the live generation keeps serving.
     *
     * @return whether a switch happened
     */
    public synchronized boolean refresh() {
        Generation<T> live = current.get();
        if (".".equals(live.name)) {
            return false;
        }
        try {
            String name = home.live().orElse(null);
            if (name == null || name.equals(live.name)) {
                return false;
            }
            install(load(name));
            LOG.log(System.Logger.Level.INFO, "switched from " + live.name + " to " + name);
            return true;
        } catch (IOException | UncheckedIOException e) {
            LOG.log(System.Logger.Level.ERROR, "keeping " + live.name + " live: " + e.getMessage());
            return false;
        }
    }

    /** Reopens the live generation's directory, e.g. after an incremental update was committed into it. */
    public synchronized void reopen() throws IOException {
        install(load(current.get().name));
    }

    private void install(Generation<T> next) {
        Generation<T> old = current.getAndSet(next);
        old.decRef();
    }

    /** The live generation's name. */
    public String generation() {
        return current.get().name;
    }

    public IndexHome home() {
        return home;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            current.get().decRef();
        }
    }

    /** Whether {@code dir} holds a plain Lucene index (no generation layout). */
    public static boolean hasSegments(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(p -> p.getFileName().toString().startsWith("segments_"));
        }
    }
}
