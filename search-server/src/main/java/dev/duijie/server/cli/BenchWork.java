package dev.duijie.server.cli;

import dev.duijie.data.gen.CorpusGenerator;
import dev.duijie.data.gen.ScaleGenerator;
import dev.duijie.index.IndexHome;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The bench command's working directory: scale corpora (generated once per size with the fixed seed, then reused:
 * generation is deterministic) and the index homes the query and HTTP parts read; plus child JVMs, because
 * indexing and serving are measured as whole processes (peak RSS included).
 */
record BenchWork(Path dir, Path jfr, PrintWriter log) {

    /** The scale corpus of {@code results} results, generated when missing. */
    Path corpus(int results) throws IOException {
        Path corpus = dir.resolve("corpus-" + results);
        if (!Files.exists(corpus.resolve("needs.jsonl"))) {
            Path tmp = dir.resolve("corpus-" + results + ".tmp");
            IndexHome.deleteTree(tmp);
            log.println("bench: generating the scale corpus of " + results + " results …");
            log.flush();
            ScaleGenerator.generate(results, CorpusGenerator.SEED, tmp);
            Files.move(tmp, corpus);
        }
        return corpus;
    }

    /** The index home of one size and configuration (built by the indexing part). */
    Path index(int results, String config) {
        return dir.resolve("index-" + results + "-" + config);
    }

    /**
     * {@code java [options] -cp <this classpath> DuijieCommand args…}: the same build as this JVM; with a JFR
     * directory, the child records a profile into {@code JFR/<name>.jfr}.
     */
    ProcessBuilder duijie(String name, List<String> jvmOptions, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        if (jfr != null) {
            cmd.add("-XX:StartFlightRecording=settings=profile,filename=" + jfr.resolve(name + ".jfr"));
        }
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8",
                "-cp", System.getProperty("java.class.path"), DuijieCommand.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd);
    }

    /**
     * A child process's peak resident set (VmHWM), sampled from /proc until it exits: the last sample before exit is
     * the whole run's peak, since the high-water mark only grows.
     */
    static final class PeakRss implements AutoCloseable {
        private final Thread sampler;
        private volatile long peakKb;

        PeakRss(Process process) {
            Path status = Path.of("/proc", Long.toString(process.pid()), "status");
            sampler = new Thread(() -> {
                while (process.isAlive()) {
                    try {
                        for (String line : Files.readAllLines(status)) {
                            if (line.startsWith("VmHWM:")) {
                                peakKb = Long.parseLong(line.replaceAll("\\D", ""));
                            }
                        }
                        process.waitFor(50, TimeUnit.MILLISECONDS);
                    } catch (IOException | RuntimeException e) {
                        return; // exited between the check and the read
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "bench-rss");
            sampler.setDaemon(true);
            sampler.start();
        }

        /** Megabytes (0 where /proc is missing). */
        double megabytes() {
            return peakKb / 1024.0;
        }

        @Override
        public void close() throws InterruptedException {
            sampler.join();
        }
    }

    static long sizeBytes(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
