package dev.duijie.server.cli;

import dev.duijie.reindex.Progress;
import dev.duijie.reindex.ReindexReport;
import dev.duijie.reindex.Reindexer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ./duijie reindex}: the nightly rebuild, safe to run from cron. */
@Command(name = "reindex", mixinStandardHelpOptions = true,
        header = "Rebuild the index from an export; the old generation stays live on any failure.",
        description = {"Rebuild the index from an export (JSON Lines, or CSV from Excel in UTF-8/GBK: see README),",
                "safely: validate the input (bad rows go to the rejects file",
                "with file:line and reason), build a complete new generation beside the live one, check it (document",
                "counts, smoke queries, optional quality gate), then switch the live pointer atomically. Running",
                "servers pick the new generation up within a second. On any failure the old generation stays live.",
                "Incremental updates (admin API) newer than the export are re-applied; older ones are superseded.",
                "Prints one summary line; --report writes the full report as JSON."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:new generation live",
                "1:input rejected (too many bad rows, unreadable files, bad user lexicon); old generation live",
                "2:invalid command line",
                "3:the new generation failed its checks; old generation live",
                "4:another reindex is running on this index (lock held)",
                "5:I/O error (disk full, directory not writable, corrupt pointer that could not be replaced)"})
final class ReindexCommand implements Callable<Integer> {
    @Option(names = "--from", required = true, paramLabel = "DIR", description = "export directory (JSON Lines or CSV files)")
    Path from;

    @Option(names = "--index", required = true, paramLabel = "DIR", description = "index home (generations + live pointer)")
    Path index;

    @Option(names = "--lexicon", paramLabel = "FILE", description = "user lexicon file(s), one term per line (repeatable)")
    List<Path> lexicons = List.of();

    @Option(names = "--max-reject-ratio", defaultValue = "0.01",
            description = "fail when rejected rows exceed this share of all rows (default: ${DEFAULT-VALUE})")
    double maxRejectRatio;

    @Option(names = "--encoding", paramLabel = "CHARSET",
            description = "encoding of CSV exports, e.g. GBK (default: detect UTF-8 with or without BOM, else GB18030)")
    java.nio.charset.Charset encoding;

    @Option(names = "--keep", defaultValue = "2", description = "previous generations kept for rollback (default: ${DEFAULT-VALUE})")
    int keep;

    @Option(names = "--quality-margin", paramLabel = "X",
            description = "with qrels in the input: fail when nDCG@10 drops more than X below the live generation")
    Double qualityMargin;

    @Option(names = "--rejects", paramLabel = "FILE", description = "rejects file (default: INDEX/reports/rejects.txt)")
    Path rejects;

    @Option(names = "--report", paramLabel = "FILE", description = "JSON report (default: INDEX/reports/reindex.json)")
    Path report;

    @Option(names = "--no-embeddings",
            description = "build without embeddings (lexical matching only); default: embed records when the model is "
                    + "available, new or changed texts only (the rest come from INDEX/embeddings)")
    boolean noEmbeddings;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path reports = index.resolve("reports");
        Path rejectsFile = rejects != null ? rejects : reports.resolve("rejects.txt");
        Path reportFile = report != null ? report : reports.resolve("reindex.json");
        Progress progress = new ConsoleProgress(spec.commandLine().getErr(), "duijie reindex");
        ReindexReport r = Reindexer.run(new Reindexer.Options(from, index, lexicons, maxRejectRatio, keep, qualityMargin,
                rejectsFile, Runtime.getRuntime().availableProcessors(), progress, encoding, !noEmbeddings));
        try {
            Files.createDirectories(reportFile.toAbsolutePath().getParent());
            Files.writeString(reportFile, Reindexer.json(r), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            spec.commandLine().getErr().println("duijie: could not write the report " + reportFile + ": " + e.getMessage());
        }
        out.println(r.summary());
        out.flush();
        return r.status().exitCode();
    }

    /** A progress line with rate and ETA on a terminal; otherwise a log line per phase and every 10 s. */
    static final class ConsoleProgress implements Progress {
        private final PrintWriter err;
        private final String label;
        private final boolean terminal = System.console() != null;
        private String phase;
        private long total;
        private long start;
        private long lastPrint;

        ConsoleProgress(PrintWriter err, String label) {
            this.err = err;
            this.label = label;
        }

        @Override
        public synchronized void phase(String name, long total) {
            if (terminal && phase != null) {
                err.println();
            }
            this.phase = name;
            this.total = total;
            this.start = System.nanoTime();
            if (name != null) {
                err.println(label + ": " + name + (total > 0 ? " (" + total + " records)" : "") + " …");
                err.flush();
            }
        }

        @Override
        public synchronized void progress(long done) {
            long now = System.nanoTime();
            if (now - lastPrint < (terminal ? 200_000_000L : 10_000_000_000L)) {
                return;
            }
            lastPrint = now;
            double secs = (now - start) / 1e9;
            double rate = done / Math.max(secs, 1e-9);
            String eta = total > 0 && rate > 0 ? String.format(", ETA %.0f s", (total - done) / rate) : "";
            String line = String.format("%s %d/%d, %.0f records/s%s", phase, done, total, rate, eta);
            if (terminal) {
                err.print("\r" + line);
            } else {
                err.println(label + ": " + line);
            }
            err.flush();
        }
    }
}
