package dev.duijie.index;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An index home directory: complete index generations side by side and a pointer to the live one.
 *
 * <pre>
 * HOME/CURRENT          the live generation's name, replaced atomically (write CURRENT.tmp, fsync, rename)
 * HOME/gen-000007/      a complete Lucene index
 * HOME/gen-000008.tmp/  a generation being built; never live, removed by the next reindex
 * HOME/updates.jsonl    journal of incremental upserts and deletes
 * HOME/reindex.lock     held (an OS file lock) while a reindex runs
 * </pre>
 *
 * A crash at any moment leaves CURRENT naming a complete generation: the pointer only ever moves after the new
 * generation is committed, fsynced and renamed into place.
 */
public final class IndexHome {
    public static final String POINTER = "CURRENT";
    public static final String JOURNAL = "updates.jsonl";
    private static final Pattern GENERATION = Pattern.compile("gen-\\d{6}");

    private final Path home;

    private IndexHome(Path home) {
        this.home = home;
    }

    public static IndexHome at(Path home) {
        return new IndexHome(home);
    }

    public Path path() {
        return home;
    }

    public Path journal() {
        return home.resolve(JOURNAL);
    }

    /** Whether the home has a live pointer (a generation layout), as opposed to nothing or a single plain index. */
    public boolean hasPointer() {
        return Files.exists(home.resolve(POINTER));
    }

    /** The live generation's name, or empty when there is no pointer yet. A corrupt pointer is a clear error. */
    public Optional<String> live() throws IOException {
        Path pointer = home.resolve(POINTER);
        String name;
        try {
            name = Files.readString(pointer, StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (java.nio.charset.MalformedInputException e) {
            throw new IOException("live pointer " + pointer + " is corrupt (not text); run ./duijie rollback or reindex");
        }
        if (!GENERATION.matcher(name).matches()) {
            throw new IOException("live pointer " + pointer + " is corrupt: «" + (name.length() > 40 ? name.substring(0, 40) + "…" : name)
                    + "» is not a generation name; run ./duijie rollback or reindex");
        }
        if (!Files.isDirectory(home.resolve(name))) {
            throw new IOException("live pointer " + pointer + " names " + name + ", which does not exist; run ./duijie rollback or reindex");
        }
        return Optional.of(name);
    }

    /** The directory of a generation. */
    public Path dir(String generation) {
        return home.resolve(generation);
    }

    /** Complete generations, oldest first. */
    public List<String> generations() throws IOException {
        if (!Files.isDirectory(home)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(home)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> GENERATION.matcher(n).matches())
                    .sorted().toList();
        }
    }

    /** A fresh name after every existing generation (and any leftover being built). */
    public String nextGeneration() throws IOException {
        int max = 0;
        if (Files.isDirectory(home)) {
            try (Stream<Path> files = Files.list(home)) {
                for (Path p : files.toList()) {
                    String n = p.getFileName().toString();
                    if (n.startsWith("gen-") && n.length() >= 10) {
                        try {
                            max = Math.max(max, Integer.parseInt(n.substring(4, 10)));
                        } catch (NumberFormatException ignored) {
                            // not ours
                        }
                    }
                }
            }
        }
        return String.format("gen-%06d", max + 1);
    }

    /** Points CURRENT at {@code generation} atomically and durably. */
    public void switchTo(String generation) throws IOException {
        if (!GENERATION.matcher(generation).matches() || !Files.isDirectory(dir(generation))) {
            throw new IOException("no complete generation " + generation + " in " + home);
        }
        Path tmp = home.resolve(POINTER + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(java.nio.ByteBuffer.wrap((generation + "\n").getBytes(StandardCharsets.UTF_8)));
            ch.force(true);
        }
        try {
            Files.move(tmp, home.resolve(POINTER), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system of " + home + " cannot rename atomically; the live pointer needs it", e);
        }
        fsyncDir(home);
    }

    /**
     * Removes generations older than the live one beyond {@code keepPrevious}, and leftovers of interrupted builds.
     * Returns the removed names.
     */
    public List<String> prune(int keepPrevious) throws IOException {
        List<String> removed = new ArrayList<>();
        String live = live().orElse(null);
        List<String> gens = generations();
        int liveAt = live == null ? gens.size() : gens.indexOf(live);
        for (int i = 0; i < liveAt - keepPrevious; i++) {
            deleteTree(dir(gens.get(i)));
            removed.add(gens.get(i));
        }
        try (Stream<Path> files = Files.list(home)) {
            for (Path p : files.filter(p -> p.getFileName().toString().endsWith(".tmp") && Files.isDirectory(p)).toList()) {
                deleteTree(p);
                removed.add(p.getFileName().toString());
            }
        }
        return removed;
    }

    /**
     * Takes the reindex lock, or fails at once with a clear message when another process (or thread) holds it. The OS
     * releases it if the holder dies, so a killed reindex never blocks the next one.
     */
    public Lock lock() throws IOException {
        Files.createDirectories(home);
        FileChannel ch = FileChannel.open(home.resolve("reindex.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            ch.close();
            throw new LockedException("another reindex is running on " + home + " (lock " + home.resolve("reindex.lock")
                    + "); wait for it to finish");
        }
        return new Lock(ch, lock);
    }

    /** The held reindex lock. */
    public static final class Lock implements AutoCloseable {
        private final FileChannel channel;
        private final FileLock lock;

        private Lock(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        @Override
        public void close() throws IOException {
            try (channel) {
                lock.release();
            }
        }
    }

    /** Another reindex holds the lock. */
    public static final class LockedException extends IOException {
        private static final long serialVersionUID = 1L;

        LockedException(String message) {
            super(message);
        }
    }

    static void fsyncDir(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Some platforms cannot open a directory for fsync; the rename itself is still atomic there.
        }
    }

    /** Deletes a directory tree (children first). */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
