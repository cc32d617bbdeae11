package dev.duijie.reindex;

import dev.duijie.Duijie;
import dev.duijie.embed.Embedder;
import dev.duijie.embed.EmbeddingCache;
import dev.duijie.analysis.Vocabulary;
import dev.duijie.corpus.Corpus;
import dev.duijie.corpus.CorpusLoader;
import dev.duijie.corpus.Kind;
import dev.duijie.corpus.LoadReport;
import dev.duijie.corpus.Problem;
import dev.duijie.corpus.Result;
import dev.duijie.eval.Evaluator;
import dev.duijie.eval.Ranker;
import dev.duijie.index.Generations;
import dev.duijie.index.IndexHome;
import dev.duijie.index.RecordJson;
import dev.duijie.index.UpdateJournal;
import dev.duijie.match.Filters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The nightly reindex: validate the export, build a complete new generation beside the live one, check it, then
 * switch the live pointer — or stop with the old generation still live and a report saying why. Phases: validate,
 * index, check, switch. Never changes the live generation unless every check passed.
 */
public final class Reindexer {
    /** Options of one run. */
    /**
     * @param csvCharset encoding of CSV exports, or {@code null} to detect UTF-8 (with or without BOM) / GB18030
     * @param embeddings whether to embed records (when the model is available) for semantic matching; vectors are
     *                   cached in the home's {@code embeddings/} directory, so unchanged texts are never re-embedded
     */
    public record Options(Path from, Path home, List<Path> userLexicons, double maxRejectRatio, int keepPrevious,
                          Double qualityMargin, Path rejectsFile, int threads, Progress progress,
                          java.nio.charset.Charset csvCharset, boolean embeddings) {
        public Options {
            userLexicons = List.copyOf(userLexicons);
            if (maxRejectRatio < 0 || maxRejectRatio > 1 || keepPrevious < 0 || threads < 1) {
                throw new IllegalArgumentException("maxRejectRatio in [0,1], keepPrevious ≥ 0, threads ≥ 1");
            }
        }
    }

    private final Options o;
    private final Map<String, Double> phases = new LinkedHashMap<>();
    private long phaseStart;
    private String phase;

    private Reindexer(Options o) {
        this.o = o;
    }

    /** Runs a reindex; every outcome is a report (exceptions only for programming errors). */
    public static ReindexReport run(Options options) {
        return new Reindexer(options).run();
    }

    private ReindexReport run() {
        IndexHome home = IndexHome.at(o.home());
        String before = null;
        try {
            Files.createDirectories(o.home());
            before = home.live().orElse(null);
        } catch (IOException e) {
            if (home.hasPointer()) {
                // A corrupt pointer: the reindex replaces it with a valid one, and says so.
                before = "corrupt";
            } else {
                return fail(ReindexReport.Status.IO_ERROR, "索引目录不可用：" + e.getMessage(), null, null, Map.of(), 0, 0);
            }
        }
        try (IndexHome.Lock lock = home.lock()) {
            return locked(home, before);
        } catch (IndexHome.LockedException e) {
            return fail(ReindexReport.Status.LOCKED, "另一个重建索引任务正在运行：" + e.getMessage(), before, null, Map.of(), 0, 0);
        } catch (IOException | RuntimeException e) {
            return fail(ReindexReport.Status.IO_ERROR, "读写失败（磁盘已满或目录不可写？）：" + e, before, null, Map.of(), 0, 0);
        }
    }

    private ReindexReport locked(IndexHome home, String before) throws IOException {
        // 1. validate
        start("validate", 0);
        Vocabulary.Loaded vocab = Vocabulary.load(o.userLexicons());
        if (vocab.hasErrors()) {
            writeRejects(vocab.problems());
            return fail(ReindexReport.Status.INPUT_REJECTED, "用户词典有错误（见拒收文件）", before, null, Map.of(), 0, 0);
        }
        LoadReport input = CorpusLoader.load(o.from(), dev.duijie.corpus.LoadOptions.DEFAULTS.withCsvCharset(o.csvCharset()));
        int rows = input.rowsRead().values().stream().mapToInt(Integer::intValue).sum();
        // Bad rows per file: the gate applies to each file on its own, so thousands of good qrels lines cannot
        // dilute a results export that lost 5 % of its rows.
        Map<String, Set<Integer>> badByFile = new LinkedHashMap<>();
        boolean fileLevel = false;
        for (Problem p : input.errors()) {
            if (p.line() > 0) {
                badByFile.computeIfAbsent(Path.of(p.file()).getFileName().toString(), f -> new TreeSet<>()).add(p.line());
            } else {
                fileLevel = true;
            }
        }
        writeRejects(input.problems());
        int rejected = badByFile.values().stream().mapToInt(Set::size).sum();
        double ratio = 0;
        String worst = null;
        for (Map.Entry<String, Set<Integer>> e : badByFile.entrySet()) {
            double r = (double) e.getValue().size() / Math.max(1, input.rowsRead().getOrDefault(e.getKey(), 0));
            if (r > ratio) {
                ratio = r;
                worst = e.getKey();
            }
        }
        final int badRowCount = rejected;
        if (fileLevel || rows == 0) {
            return fail(ReindexReport.Status.INPUT_REJECTED, rows == 0 ? "输入没有任何记录" : "输入目录或文件有错误（见拒收文件）",
                    before, null, input.rowsRead(), badRowCount, ratio);
        }
        if (ratio > o.maxRejectRatio()) {
            return fail(ReindexReport.Status.INPUT_REJECTED, String.format("%s 中拒收行占 %.2f%%，超过上限 %.2f%%（见拒收文件）",
                    worst, 100 * ratio, 100 * o.maxRejectRatio()), before, null, input.rowsRead(), badRowCount, ratio);
        }
        Corpus corpus = input.corpus();

        // Incremental updates newer than the export are re-applied; older ones are superseded by it.
        UpdateJournal journal = new UpdateJournal(home.journal());
        List<UpdateJournal.Entry> keep = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (UpdateJournal.Entry e : journal.entries()) {
            if (e.epochMillis() > exportTime(e.kind())) {
                keep.add(e);
            } else {
                dropped.add(e.kind().plural() + "/" + e.id());
            }
        }

        // 2. index
        start("index", corpus.results().size() + corpus.needs().size() + corpus.experts().size()
                + corpus.institutions().size());
        String built;
        ReindexReport.Embeddings embedded = null;
        try (Embedder embedder = o.embeddings() ? Embedder.tryOpen().orElse(null) : null;
             EmbeddingCache cache = embedder == null ? null
                     : EmbeddingCache.open(home.path().resolve("embeddings"), embedder.modelId(), embedder.dimension())) {
            built = Generations.build(home, corpus, keep, vocab.vocabulary(), o.userLexicons(), o.threads(),
                    o.progress()::progress, cache == null ? null : text -> cache.get(text, embedder::embed));
            if (cache != null) {
                embedded = new ReindexReport.Embeddings(embedder.modelId(), cache.computed(),
                        cache.hits());
            }
        }

        // 3. check: counts, smoke queries, optional quality gate — on the new generation, opened on its own.
        start("check", 0);
        Map<String, Integer> counts = new LinkedHashMap<>();
        String problem = check(home, built, corpus, keep, counts);
        if (problem != null) {
            IndexHome.deleteTree(home.dir(built));
            return new ReindexReport(ReindexReport.Status.CHECK_FAILED, "新索引未通过检查，旧索引继续服务：" + problem,
                    before, before, built, input.rowsRead(), badRowCount, ratio, counts, keep.size(), dropped,
                    List.of(), end(), embedded);
        }

        // 4. switch
        start("switch", 0);
        home.switchTo(built);
        journal.rewrite(keep);
        List<String> pruned = home.prune(o.keepPrevious());
        return new ReindexReport(ReindexReport.Status.OK, "新索引已上线", before, built, built, input.rowsRead(),
                badRowCount, ratio, counts, keep.size(), dropped, pruned, end(), embedded);
    }

    private String check(IndexHome home, String built, Corpus corpus, List<UpdateJournal.Entry> updates,
                         Map<String, Integer> counts) throws IOException {
        // Open the built generation directly (not through the pointer, which still names the old one).
        // Lexical checks: loading the model a second time would prove nothing the build did not.
        try (Duijie fresh = Duijie.open(home.dir(built), Duijie.Options.DEFAULT.withoutEmbeddings())) {
            Map<Kind, Set<String>> expected = new LinkedHashMap<>();
            for (Kind k : Kind.values()) {
                expected.put(k, new HashSet<>());
            }
            corpus.results().forEach(r -> expected.get(Kind.RESULT).add(r.id()));
            corpus.needs().forEach(n -> expected.get(Kind.NEED).add(n.id()));
            corpus.experts().forEach(e -> expected.get(Kind.EXPERT).add(e.id()));
            corpus.institutions().forEach(i -> expected.get(Kind.INSTITUTION).add(i.id()));
            for (UpdateJournal.Entry e : updates) {
                if (e.isDelete()) {
                    expected.get(e.kind()).remove(e.id());
                } else {
                    expected.get(e.kind()).add(e.id());
                }
            }
            for (Map.Entry<Kind, Integer> c : fresh.counts().entrySet()) {
                counts.put(c.getKey().plural(), c.getValue());
                int want = expected.get(c.getKey()).size();
                if (c.getValue() != want) {
                    return c.getKey().plural() + " 文档数 " + c.getValue() + "，应为 " + want;
                }
            }
            // Smoke: a few results (not deleted by an update) must be found by their own title.
            List<Result> sample = corpus.results().stream().filter(r -> expected.get(Kind.RESULT).contains(r.id()))
                    .limit(5).toList();
            for (Result r : sample) {
                if (fresh.match(r.title(), Filters.NONE, 10).stream().noneMatch(h -> h.id().equals(r.id()))) {
                    return "冒烟查询未找到成果 " + r.id() + "（按其标题检索）";
                }
            }
            if (o.qualityMargin() != null && !corpus.judgments().isEmpty() && home.live().isPresent()) {
                double now = ndcg(fresh, corpus);
                double was;
                try (Duijie old = Duijie.open(home.dir(home.live().get()), Duijie.Options.DEFAULT.withoutEmbeddings())) {
                    was = ndcg(old, corpus);
                }
                if (now < was - o.qualityMargin()) {
                    return String.format("nDCG@10 从 %.4f 降到 %.4f，超过允许的 %.4f", was, now, o.qualityMargin());
                }
            }
        }
        return null;
    }

    private static double ndcg(Duijie duijie, Corpus corpus) throws IOException {
        return new Evaluator(corpus).evaluate("lexical", Ranker.of(duijie)).scores(null, null).ndcg10();
    }

    /** When the export of a kind was made: its file's modification time (JSON Lines or CSV). */
    private long exportTime(Kind kind) throws IOException {
        long t = 0;
        String base = kind.fileName().replace(".jsonl", "");
        for (String name : List.of(base + ".jsonl", base + ".csv")) {
            Path f = o.from().resolve(name);
            if (Files.exists(f)) {
                t = Math.max(t, Files.getLastModifiedTime(f).toMillis());
            }
        }
        return t;
    }

    private void writeRejects(List<Problem> problems) throws IOException {
        if (o.rejectsFile() == null) {
            return;
        }
        Files.createDirectories(o.rejectsFile().toAbsolutePath().getParent());
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(o.rejectsFile(), StandardCharsets.UTF_8))) {
            for (Problem p : problems) {
                w.println(p);
            }
        }
    }

    private void start(String name, long total) {
        long now = System.nanoTime();
        if (phase != null) {
            phases.put(phase, (now - phaseStart) / 1e9);
        }
        pauseForTests(phase);
        phase = name;
        phaseStart = now;
        o.progress().phase(name, total);
    }

    private Map<String, Double> end() {
        start(null, 0);
        return Map.copyOf(phases);
    }

    /** Test hook: {@code -Dduijie.reindex.pauseAfter=PHASE} prints a marker and sleeps, so tests can kill -9 there. */
    private static void pauseForTests(String afterPhase) {
        String at = System.getProperty("duijie.reindex.pauseAfter");
        if (at != null && at.equals(afterPhase)) {
            System.err.println("PAUSED AFTER " + afterPhase);
            System.err.flush();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private ReindexReport fail(ReindexReport.Status status, String message, String before, String built,
                               Map<String, Integer> rows, int rejected, double ratio) {
        return new ReindexReport(status, message + "；旧索引继续服务", before, before, built, rows, rejected, ratio,
                Map.of(), 0, List.of(), List.of(), end(), null);
    }

    /** The report as JSON, for the report file. */
    public static String json(ReindexReport report) throws IOException {
        return RecordJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(report);
    }
}
