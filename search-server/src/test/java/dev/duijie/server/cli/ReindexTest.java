package dev.duijie.server.cli;

import dev.duijie.Duijie;
import dev.duijie.corpus.CorpusLoader;
import dev.duijie.corpus.Kind;
import dev.duijie.corpus.Result;
import dev.duijie.data.BundledCorpus;
import dev.duijie.index.IndexHome;
import dev.duijie.match.Filters;
import dev.duijie.match.Hit;
import dev.duijie.reindex.Progress;
import dev.duijie.reindex.ReindexReport;
import dev.duijie.reindex.Reindexer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The nightly reindex on real directories: switches, failures that keep the old generation, crashes, updates. */
class ReindexTest {
    @TempDir
    static Path shared;
    static Path export;

    /** A small export (the first 300 results and 100 needs of the bundled corpus) so each build takes a second. */
    @BeforeAll
    static void makeExport() throws IOException {
        export = shared.resolve("export");
        Files.createDirectories(export);
        Path src = BundledCorpus.directory();
        Files.write(export.resolve("institutions.jsonl"), Files.readAllLines(src.resolve("institutions.jsonl")));
        Files.write(export.resolve("experts.jsonl"), Files.readAllLines(src.resolve("experts.jsonl")));
        Files.write(export.resolve("results.jsonl"), Files.readAllLines(src.resolve("results.jsonl")).subList(0, 300));
        Files.write(export.resolve("needs.jsonl"), Files.readAllLines(src.resolve("needs.jsonl")).subList(0, 100));
    }

    static Reindexer.Options options(Path from, Path home) {
        return new Reindexer.Options(from, home, List.of(), 0.01, 2, null, home.resolve("rejects.txt"), 2, Progress.NONE, null, false);
    }

    static Path copyExport(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String f : List.of("institutions.jsonl", "experts.jsonl", "results.jsonl", "needs.jsonl")) {
            Files.copy(export.resolve(f), dir.resolve(f));
        }
        return dir;
    }

    @Test
    void reindexSwitchesKeepsPreviousGenerationsAndRollsBack() throws IOException {
        Path home = shared.resolve("h-switch");
        for (int i = 1; i <= 4; i++) {
            ReindexReport r = Reindexer.run(options(export, home));
            assertEquals(ReindexReport.Status.OK, r.status(), r.summary());
            assertEquals(String.format("gen-%06d", i), r.liveAfter());
            assertEquals(300, r.counts().get("results"));
        }
        assertEquals(List.of("gen-000002", "gen-000003", "gen-000004"), IndexHome.at(home).generations(),
                "live + 2 previous are kept");
        CliTest.Run back = CliTest.run("rollback", "--index", home.toString());
        assertEquals(0, back.exit(), back.err());
        assertEquals("gen-000003", IndexHome.at(home).live().orElseThrow());
        assertEquals(0, CliTest.run("rollback", "--index", home.toString(), "--to", "gen-000004").exit());
        assertEquals(1, CliTest.run("rollback", "--index", home.toString(), "--to", "gen-000001").exit());
    }

    @Test
    void tooManyBadRowsFailTheRunWithTheOldGenerationLiveAndEveryRowInTheRejectsFile() throws IOException {
        Path home = shared.resolve("h-rejects");
        assertEquals(ReindexReport.Status.OK, Reindexer.run(options(export, home)).status());
        Path bad = copyExport(shared.resolve("bad-export"));
        List<String> good = Files.readAllLines(bad.resolve("results.jsonl"));
        List<String> lines = new ArrayList<>();
        List<Integer> badLines = new ArrayList<>();
        for (int i = 0; i < good.size(); i++) {
            if (i % 25 == 5 && badLines.size() < 12) { // 12 bad of 412 rows ≈ 2.9 %
                int k = badLines.size();
                lines.add(k % 3 == 0 ? "{broken json" : k % 3 == 1 ? "{\"id\":\"BAD" + k + "\",\"title\":\"T\"}"
                        : "{\"id\":\"BAD" + k + "\",\"title\":\"T\",\"summary\":\"S\",\"trl\":99}");
                badLines.add(lines.size());
            }
            lines.add(good.get(i));
        }
        Files.write(bad.resolve("results.jsonl"), lines);
        ReindexReport r = Reindexer.run(options(bad, home));
        assertEquals(ReindexReport.Status.INPUT_REJECTED, r.status(), r.summary());
        assertEquals(1, r.status().exitCode());
        assertEquals("gen-000001", IndexHome.at(home).live().orElseThrow(), "old generation still live");
        assertEquals(12, r.rejected());
        String rejects = Files.readString(home.resolve("rejects.txt"));
        for (int line : badLines) {
            assertTrue(rejects.contains("results.jsonl:" + line + ": "), "rejects file names line " + line + ":\n" + rejects);
        }
        // Under the threshold the same kind of rows are rejected, listed, and the rest goes live.
        Files.write(bad.resolve("results.jsonl"), lines.subList(0, 60));
        ReindexReport ok = Reindexer.run(new Reindexer.Options(bad, home, List.of(), 0.2, 2, null,
                home.resolve("rejects.txt"), 2, Progress.NONE, null, false));
        assertEquals(ReindexReport.Status.OK, ok.status(), ok.summary());
        assertEquals(3, ok.rejected());
    }

    @Test
    void aSecondReindexOfAnUnchangedExportEmbedsNothing() throws IOException {
        // 40 results, 20 needs and the results' team: small enough to embed in seconds.
        Path from = shared.resolve("export-embed");
        Files.createDirectories(from);
        Path src = BundledCorpus.directory();
        List<String> results = Files.readAllLines(src.resolve("results.jsonl")).subList(0, 40);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        java.util.Set<String> team = new java.util.HashSet<>();
        for (String line : results) {
            json.readTree(line).get("team").forEach(e -> team.add(e.asText()));
        }
        List<String> experts = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(src.resolve("experts.jsonl"))) {
            if (team.contains(json.readTree(line).get("id").asText())) {
                experts.add(line);
            }
        }
        Files.write(from.resolve("institutions.jsonl"), Files.readAllLines(src.resolve("institutions.jsonl")));
        Files.write(from.resolve("experts.jsonl"), experts);
        Files.write(from.resolve("results.jsonl"), results);
        Files.write(from.resolve("needs.jsonl"), Files.readAllLines(src.resolve("needs.jsonl")).subList(0, 20));
        Path home = shared.resolve("h-embed");
        Reindexer.Options o = options(from, home);
        Reindexer.Options withEmbeddings = new Reindexer.Options(o.from(), o.home(), o.userLexicons(),
                o.maxRejectRatio(), o.keepPrevious(), o.qualityMargin(), o.rejectsFile(), o.threads(), o.progress(),
                o.csvCharset(), true);

        ReindexReport cold = Reindexer.run(withEmbeddings);
        assertEquals(ReindexReport.Status.OK, cold.status(), cold.summary());
        assertTrue(cold.embeddings().embedded() > 40 + 20 + experts.size(), "records and their sentences: " + cold.summary());

        ReindexReport warm = Reindexer.run(withEmbeddings);
        assertEquals(ReindexReport.Status.OK, warm.status(), warm.summary());
        assertEquals(0, warm.embeddings().embedded(), warm.summary());
        assertTrue(warm.embeddings().fromCache() >= cold.embeddings().embedded(), warm.summary());
        assertTrue(warm.summary().contains("embeddings: 0 embedded"), warm.summary());

        // One changed summary: its record text and its new sentence are embedded, nothing else.
        results.set(0, results.get(0).replaceFirst("\"summary\":\"", "\"summary\":\"本成果已完成中试。"));
        Files.write(from.resolve("results.jsonl"), results);
        ReindexReport changed = Reindexer.run(withEmbeddings);
        assertEquals(ReindexReport.Status.OK, changed.status(), changed.summary());
        assertEquals(2, changed.embeddings().embedded(), changed.summary());

        try (Duijie d = Duijie.open(home)) {
            assertEquals(Duijie.Semantic.ON, d.semantic());
        }
    }

    @Test
    void aSecondConcurrentReindexIsRefused() throws IOException {
        Path home = shared.resolve("h-lock");
        Files.createDirectories(home);
        try (IndexHome.Lock held = IndexHome.at(home).lock()) {
            CliTest.Run r = CliTest.run("reindex", "--no-embeddings", "--from", export.toString(), "--index", home.toString());
            assertEquals(4, r.exit(), r.out());
            assertTrue(r.out().contains("另一个重建索引任务正在运行"), r.out());
        }
        assertEquals(0, CliTest.run("reindex", "--no-embeddings", "--from", export.toString(), "--index", home.toString()).exit());
    }

    @Test
    void aCorruptPointerKeepsTheServingGenerationAndTheNextReindexRepairsIt() throws Exception {
        Path home = shared.resolve("h-corrupt");
        assertEquals(ReindexReport.Status.OK, Reindexer.run(options(export, home)).status());
        try (Duijie serving = Duijie.open(home)) {
            Files.writeString(home.resolve(IndexHome.POINTER), "garbage\u0000\u0001");
            Thread.sleep(1100);
            assertFalse(serving.match("陶瓷", Filters.NONE, 5).isEmpty(), "still serving gen-000001");
            assertEquals("gen-000001", serving.generation());
            IOException e = assertThrows(IOException.class, () -> Duijie.open(home));
            assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
            ReindexReport r = Reindexer.run(options(export, home));
            assertEquals(ReindexReport.Status.OK, r.status(), r.summary());
            Thread.sleep(1100);
            serving.match("陶瓷", Filters.NONE, 5);
            assertEquals("gen-000002", serving.generation(), "the server followed the repaired pointer");
        }
    }

    @Test
    void anUnusableIndexDirectoryIsAClearError() throws IOException {
        Path notADir = shared.resolve("plain-file");
        Files.writeString(notADir, "x");
        CliTest.Run r = CliTest.run("reindex", "--no-embeddings", "--from", export.toString(), "--index", notADir.toString(),
                "--report", shared.resolve("r.json").toString(), "--rejects", shared.resolve("rj.txt").toString());
        assertEquals(5, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("IO_ERROR"), r.out());
    }

    @Test
    void queriesDuringSwitchesNeverFailOrComeBackEmpty() throws Exception {
        Path home = shared.resolve("h-live");
        assertEquals(ReindexReport.Status.OK, Reindexer.run(options(export, home)).status());
        List<String> needs = CorpusLoader.load(export).corpus().needs().stream().map(n -> n.text()).toList();
        try (Duijie duijie = Duijie.open(home)) {
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger calls = new AtomicInteger();
            List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(3);
            List<Future<?>> loops = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                int offset = t;
                loops.add(pool.submit(() -> {
                    for (int i = offset; !stop.get(); i += 3) {
                        try {
                            List<Hit> hits = duijie.match(needs.get(i % needs.size()), Filters.NONE, 5);
                            if (hits.isEmpty()) {
                                errors.add(new AssertionError("empty response for need " + i));
                            }
                            if (duijie.search(Kind.RESULT, "检测", Filters.NONE, 1, 5).total() == 0) {
                                errors.add(new AssertionError("empty search"));
                            }
                            calls.incrementAndGet();
                        } catch (Throwable e) {
                            errors.add(e);
                        }
                    }
                }));
            }
            for (int i = 0; i < 3; i++) {
                assertEquals(ReindexReport.Status.OK, Reindexer.run(options(export, home)).status());
                Thread.sleep(1200);
            }
            stop.set(true);
            for (Future<?> f : loops) {
                f.get(30, TimeUnit.SECONDS);
            }
            pool.shutdown();
            assertEquals(List.of(), errors);
            assertTrue(calls.get() > 20, "queries ran during the switches: " + calls.get());
            assertEquals("gen-000004", duijie.generation(), "followed every switch");
        }
    }

    @Test
    void incrementalUpdatesSurviveRestartsAndFollowThePrecedenceRule() throws Exception {
        Path home = shared.resolve("h-updates");
        Path from = copyExport(shared.resolve("updates-export"));
        Files.setLastModifiedTime(from.resolve("results.jsonl"), FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
        assertEquals(ReindexReport.Status.OK, Reindexer.run(options(from, home)).status());
        Result template = CorpusLoader.load(from).corpus().results().get(0);
        Result added = new Result("R9999", "手工补录的成果：陶瓷轴承保持架", template.summary(), List.of("陶瓷轴承"),
                template.industry(), template.institution(), template.team(), 6, "发明专利", List.of("许可"), null);
        String removed = CorpusLoader.load(from).corpus().results().get(1).id();
        try (Duijie d = Duijie.open(home)) {
            d.upsert(added);
            assertTrue(d.delete(Kind.RESULT, removed));
            assertEquals(added, d.get(Kind.RESULT, "R9999").orElseThrow(), "visible at once");
            assertTrue(d.get(Kind.RESULT, removed).isEmpty());
        }
        try (Duijie d = Duijie.open(home)) {
            assertTrue(d.get(Kind.RESULT, "R9999").isPresent(), "survives a restart");
        }
        // A nightly reindex from an export older than the updates re-applies them.
        ReindexReport older = Reindexer.run(options(from, home));
        assertEquals(ReindexReport.Status.OK, older.status(), older.summary());
        assertEquals(2, older.updatesApplied());
        assertEquals(300, older.counts().get("results"), "300 − 1 deleted + 1 added");
        try (Duijie d = Duijie.open(home)) {
            assertTrue(d.get(Kind.RESULT, "R9999").isPresent());
            assertTrue(d.get(Kind.RESULT, removed).isEmpty());
        }
        // A fresher export supersedes them: it is the newer truth, and the report says what was dropped.
        Files.setLastModifiedTime(from.resolve("results.jsonl"), FileTime.fromMillis(System.currentTimeMillis() + 1000));
        ReindexReport newer = Reindexer.run(options(from, home));
        assertEquals(List.of("results/R9999", "results/" + removed).stream().sorted().toList(),
                newer.updatesDropped().stream().sorted().toList());
        try (Duijie d = Duijie.open(home)) {
            assertTrue(d.get(Kind.RESULT, "R9999").isEmpty());
            assertTrue(d.get(Kind.RESULT, removed).isPresent());
        }
    }

    /**
     * kill -9 at several moments of a reindex (a test hook pauses the subprocess after a phase): the previous
     * generation stays live and serves, and a rerun succeeds.
     */
    @Test
    void killMinusNineAtAnyPhaseLeavesTheOldGenerationLiveAndARerunSucceeds() throws Exception {
        Path home = shared.resolve("h-kill");
        assertEquals(ReindexReport.Status.OK, Reindexer.run(options(export, home)).status());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (String phase : List.of("validate", "index", "check", "switch")) {
            String liveBefore = IndexHome.at(home).live().orElseThrow();
            Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    "-Dduijie.reindex.pauseAfter=" + phase, DuijieCommand.class.getName(), "reindex", "--no-embeddings",
                    "--from", export.toString(), "--index", home.toString()).redirectErrorStream(true).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null && !line.contains("PAUSED AFTER " + phase)) {
                    // wait for the marker
                }
                assertTrue(line != null, "the subprocess reached " + phase);
                p.destroyForcibly(); // SIGKILL
                assertTrue(p.waitFor(20, TimeUnit.SECONDS));
            }
            String live = IndexHome.at(home).live().orElseThrow();
            if (phase.equals("switch")) {
                assertFalse(live.equals(liveBefore), "killed after the switch: the new generation is live");
            } else {
                assertEquals(liveBefore, live, "killed after " + phase + ": the old generation is still live");
            }
            try (Duijie d = Duijie.open(home)) {
                assertFalse(d.match("陶瓷基板", Filters.NONE, 5).isEmpty(), "serves after a kill in " + phase);
            }
            ReindexReport rerun = Reindexer.run(options(export, home));
            assertEquals(ReindexReport.Status.OK, rerun.status(), phase + ": " + rerun.summary());
        }
        assertTrue(Files.list(home).noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "leftovers pruned");
    }

    /** A GBK export from Excel with Chinese headers: 3 bad rows of 100 fail the run; fixed, it goes live. */
    @Test
    void gbkCsvExportWithThreePercentBadRowsFailsThenImports() throws IOException {
        Path home = shared.resolve("h-csv");
        assertEquals(ReindexReport.Status.OK, Reindexer.run(options(export, home)).status());
        Path csv = shared.resolve("csv-export");
        Files.createDirectories(csv);
        List<Result> results = CorpusLoader.load(export).corpus().results().subList(0, 100);
        StringBuilder sb = new StringBuilder("编号,成果名称,成果简介,关键词,所属行业,成熟度\r\n");
        List<Integer> bad = List.of(10, 50, 90);
        for (int i = 0; i < results.size(); i++) {
            Result r = results.get(i);
            String trl = bad.contains(i) ? "很高" : "TRL " + r.trl();
            sb.append(r.id()).append(",\"").append(r.title().replace("\"", "\"\"")).append("\",\"")
                    .append(r.summary().replace("\"", "\"\"")).append("\",\"").append(String.join("；", r.keywords()))
                    .append("\",").append(r.industry()).append(',').append(trl).append("\r\n");
        }
        Files.write(csv.resolve("results.csv"), sb.toString().getBytes(java.nio.charset.Charset.forName("GBK")));
        ReindexReport failed = Reindexer.run(options(csv, home));
        assertEquals(ReindexReport.Status.INPUT_REJECTED, failed.status(), failed.summary());
        assertEquals("gen-000001", IndexHome.at(home).live().orElseThrow());
        String rejects = Files.readString(home.resolve("rejects.txt"));
        for (int i : bad) {
            assertTrue(rejects.contains("results.csv:" + (i + 2) + ": "), "row " + i + " in\n" + rejects);
        }
        Files.write(csv.resolve("results.csv"), sb.toString().replace("很高", "7").getBytes(java.nio.charset.Charset.forName("GBK")));
        ReindexReport ok = Reindexer.run(options(csv, home));
        assertEquals(ReindexReport.Status.OK, ok.status(), ok.summary());
        try (Duijie d = Duijie.open(home)) {
            assertEquals(results.get(0).title(), ((Result) d.get(Kind.RESULT, results.get(0).id()).orElseThrow()).title());
        }
    }

    /** The reject gate is per file: many good judgment lines cannot dilute a results export with 3 % bad rows. */
    @Test
    void goodRowsOfOtherFilesDoNotDiluteTheRejectGate() throws IOException {
        Path home = shared.resolve("h-dilute");
        Path from = copyExport(shared.resolve("dilute-export"));
        var corpus = CorpusLoader.load(from).corpus();
        StringBuilder qrels = new StringBuilder();
        for (var need : corpus.needs()) {
            for (var result : corpus.results().subList(0, 20)) {
                qrels.append(need.id()).append('\t').append(result.id()).append("\t0\n");
            }
        }
        Files.writeString(from.resolve("qrels.tsv"), qrels); // 2,000 good lines
        List<String> lines = new ArrayList<>(Files.readAllLines(from.resolve("results.jsonl")));
        for (int i = 0; i < 10; i++) {
            lines.add("{\"id\":\"BAD" + i + "\"}");
        }
        Files.write(from.resolve("results.jsonl"), lines);
        ReindexReport r = Reindexer.run(options(from, home));
        assertEquals(ReindexReport.Status.INPUT_REJECTED, r.status(), r.summary());
        assertTrue(r.message().contains("results.jsonl"), r.message());
        assertEquals(10.0 / 310, r.rejectRatio(), 1e-9);
    }
}
