package dev.duijie.server.cli;

import dev.duijie.Duijie;
import dev.duijie.corpus.Corpus;
import dev.duijie.corpus.CorpusLoader;
import dev.duijie.corpus.Kind;
import dev.duijie.corpus.LoadReport;
import dev.duijie.data.BundledCorpus;
import dev.duijie.eval.BaselineRanker;
import dev.duijie.eval.CslCorpus;
import dev.duijie.eval.EvalReport;
import dev.duijie.eval.Evaluator;
import dev.duijie.eval.Ranker;
import dev.duijie.eval.Modes;
import dev.duijie.index.LiveIndex;
import dev.duijie.index.IndexHome;
import dev.duijie.match.MatchConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code ./duijie eval}: nDCG@10, Recall@50, MRR@10, P@5 per mode and query type on a judged corpus. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        header = "nDCG@10, Recall@50, MRR@10 and P@5 on a judged corpus.",
        description = {"Evaluate ranking on a judged corpus (qrels.tsv, queries.tsv): builds an index of the corpus in",
                "a temporary directory (or --index DIR), ranks every judged query and prints nDCG@10, Recall@50,",
                "MRR@10 and P@5 per mode and query type (need → result, need → expert, staff query) and per half",
                "(tuning / reporting, fixed by id). Works on any corpus in the Duijie format.",
                "Modes: lexical; dense (bge-small-zh embeddings alone); hybrid (the product: normalised weighted sum of",
                "the two, MatchConfig denseWeight); rrf (reciprocal-rank fusion of lexical and dense, for comparison).",
                "All but lexical embed the corpus once (cached in --embedding-cache) and are skipped, with a message,",
                "when the model is unavailable.",
                "--csl evaluates the three CSL-dev styles from ../shared/data/csl-dev instead (skipped if absent)."})
final class EvalCommand implements Callable<Integer> {
    @Option(names = "--corpus", paramLabel = "DIR", description = "judged corpus (default: the bundled corpus)")
    Path corpus;

    @Option(names = "--qrels", paramLabel = "FILE", description = "judgments to use instead of the corpus's own qrels.tsv")
    Path qrels;

    @Option(names = "--mode", defaultValue = "all",
            description = "lexical | dense | hybrid | rrf | all (default: ${DEFAULT-VALUE})")
    String mode;

    @Option(names = "--baseline", description = "add plain StandardAnalyzer BM25 over title + summary as a row")
    boolean baseline;

    @Option(names = "--json", paramLabel = "FILE", description = "also write a machine-readable summary")
    Path json;

    @Option(names = "--index", paramLabel = "DIR", description = "reuse (or build once into) this index directory")
    Path index;

    @Option(names = "--set", paramLabel = "NAME=VALUE",
            description = "override a ranking weight of MatchConfig for this run, e.g. --set synonymWeight=0 (repeatable)")
    Map<String, Double> overrides = new LinkedHashMap<>();

    @Option(names = "--embedding-cache", paramLabel = "DIR", defaultValue = "data/embeddings",
            description = "where computed embeddings are kept between runs (default: ${DEFAULT-VALUE})")
    Path embeddingCache;

    @Option(names = "--rrf-k", defaultValue = "" + Modes.RRF_K, description = "k of rrf mode (default: ${DEFAULT-VALUE})")
    int rrfK;

    @Option(names = "--dense-weight", defaultValue = "" + Modes.RRF_DENSE_WEIGHT,
            description = "weight of the dense ranking in rrf mode, lexical = 1 (default: ${DEFAULT-VALUE})")
    double denseWeight;

    @Option(names = "--csl", description = "evaluate on CSL-dev (keywords → paper, title → abstract, first sentence → rest)")
    boolean csl;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!List.of("lexical", "dense", "hybrid", "rrf", "all").contains(mode)) {
            throw new ParameterException(spec.commandLine(), "--mode must be lexical, dense, hybrid, rrf or all");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (csl) {
            return evalCsl(out);
        }
        Path dir = corpus != null ? corpus : BundledCorpus.directory();
        EvalReport report = evaluate(dir, corpus != null ? dir.toString() : "bundled:zhuzhou", qrels, index);
        if (report == null) {
            return 1;
        }
        report.printTable(out);
        if (json != null) {
            report.writeJson(json);
        }
        out.flush();
        return 0;
    }

    private int evalCsl(PrintWriter out) throws IOException {
        var tsv = CslCorpus.locate();
        if (tsv.isEmpty()) {
            out.println("CSL-dev not found (looked for ../" + CslCorpus.RELATIVE_PATH + "); skipping");
            return 0;
        }
        Path tmp = Files.createTempDirectory("duijie-csl");
        try {
            CslCorpus.Converted converted = CslCorpus.convert(tsv.get(), tmp.resolve("corpora"));
            for (CslCorpus.Style style : CslCorpus.Style.values()) {
                EvalReport report = evaluate(converted.dir(style), "csl-dev/" + style.dirName(), null,
                        tmp.resolve("index-" + style.dirName()));
                if (report == null) {
                    return 1;
                }
                report.printTable(out);
                if (json != null) {
                    String name = json.getFileName().toString().replaceFirst("(\\.json)?$", "-" + style.dirName() + ".json");
                    report.writeJson(json.resolveSibling(name));
                }
                out.println();
            }
        } finally {
            IndexHome.deleteTree(tmp);
        }
        out.flush();
        return 0;
    }

    /** The report for one corpus, or {@code null} after printing the corpus's errors. */
    private EvalReport evaluate(Path dir, String name, Path qrelsFile, Path indexDir) throws IOException {
        LoadReport loaded = qrelsFile != null ? CorpusLoader.load(dir, qrelsFile) : CorpusLoader.load(dir);
        if (loaded.hasErrors()) {
            loaded.errors().forEach(spec.commandLine().getErr()::println);
            spec.commandLine().getErr().println("eval: the corpus has errors; fix them first (./duijie validate " + dir + ")");
            return null;
        }
        Corpus c = loaded.corpus();
        Path tmp = indexDir == null ? Files.createTempDirectory("duijie-eval") : null;
        Path target = indexDir != null ? indexDir : tmp;
        MatchConfig config = ConfigOverrides.apply(spec, overrides);
        Duijie.Options options = Duijie.Options.DEFAULT.withConfig(config).withEmbeddingCache(embeddingCache);
        if (mode.equals("lexical")) {
            options = options.withoutEmbeddings();
        }
        try {
            if (!IndexHome.at(target).hasPointer() && !LiveIndex.hasSegments(target)) {
                Duijie.build(c, target, options, done -> { }).close();
            }
            try (Modes available = Modes.open(target, options);
                 BaselineRanker base = baseline ? new BaselineRanker(c) : null) {
                spec.commandLine().getOut().println("semantic matching: " + available.semantic());
                Map<String, Ranker> modes = available.rankers(
                        mode.equals("all") ? Set.copyOf(Modes.ALL) : Set.of(mode), rrfK, denseWeight);
                if (modes.isEmpty() || (mode.equals("all") && available.semantic() != Duijie.Semantic.ON)) {
                    spec.commandLine().getErr().println("eval: semantic matching unavailable (" + available.semantic()
                            + "); dense, hybrid and rrf skipped");
                }
                if (base != null) {
                    modes.put("baseline", base);
                }
                return new EvalReport(name).addAll(new Evaluator(c).evaluate(modes));
            }
        } finally {
            if (tmp != null) {
                IndexHome.deleteTree(tmp);
            }
        }
    }
}
