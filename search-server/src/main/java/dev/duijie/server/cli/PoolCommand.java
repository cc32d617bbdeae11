package dev.duijie.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.duijie.Duijie;
import dev.duijie.corpus.Corpus;
import dev.duijie.corpus.CorpusLoader;
import dev.duijie.corpus.Expert;
import dev.duijie.corpus.Kind;
import dev.duijie.corpus.Need;
import dev.duijie.corpus.Result;
import dev.duijie.data.BundledCorpus;
import dev.duijie.index.IndexHome;
import dev.duijie.eval.BaselineRanker;
import dev.duijie.eval.Pooler;
import dev.duijie.eval.QueryType;
import dev.duijie.eval.Ranker;
import dev.duijie.match.MatchConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code ./duijie pool}: judging pools for building a judged set (see corpus/README.md). */
@Command(name = "pool", mixinStandardHelpOptions = true,
        header = "Write judging pools for extending the judged set.",
        description = {"Write judging pools as JSON Lines: for each need or staff query, the union of the top --depth of",
                "every retrieval mode available (lexical, dense, hybrid, baseline) plus --random records of the same industry,",
                "with the text an assessor needs to grade each candidate 0–3."})
final class PoolCommand implements Callable<Integer> {
    @Option(names = "--corpus", paramLabel = "DIR", description = "corpus (default: the bundled corpus)")
    Path corpus;

    @Option(names = "--needs", split = ",", paramLabel = "ID", description = "need ids to pool results for")
    List<String> needs = List.of();

    @Option(names = "--expert-needs", split = ",", paramLabel = "ID", description = "need ids to pool experts for")
    List<String> expertNeeds = List.of();

    @Option(names = "--queries", paramLabel = "FILE", description = "staff queries, qid<TAB>text, to pool results for")
    Path queries;

    @Option(names = "--depth", defaultValue = "15", description = "top-k of each mode (default: ${DEFAULT-VALUE})")
    int depth;

    @Option(names = "--random", defaultValue = "5", description = "random same-industry extras (default: ${DEFAULT-VALUE})")
    int random;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "output JSON Lines file")
    Path out;

    @Option(names = "--embedding-cache", paramLabel = "DIR", defaultValue = "data/embeddings",
            description = "where computed embeddings are kept between runs (default: ${DEFAULT-VALUE})")
    Path embeddingCache;

    @Spec
    CommandSpec spec;

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public Integer call() throws IOException {
        Corpus c = CorpusLoader.load(corpus != null ? corpus : BundledCorpus.directory()).corpus();
        Path tmp = Files.createTempDirectory("duijie-pool");
        Duijie.Options options = Duijie.Options.DEFAULT.withEmbeddingCache(embeddingCache);
        try (Duijie hybrid = Duijie.build(c, tmp, options, done -> { });
             Duijie lexical = Duijie.open(tmp, options.withoutEmbeddings());
             Duijie dense = Duijie.open(tmp, options.withConfig(MatchConfig.DEFAULT.with("denseWeight", 1)));
             BaselineRanker baseline = new BaselineRanker(c);
             BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            Map<String, Ranker> systems = new java.util.HashMap<>(Map.of("lexical", Ranker.of(lexical)));
            if (hybrid.semantic() == Duijie.Semantic.ON) {
                systems.put("hybrid", Ranker.of(hybrid));
                systems.put("dense", Ranker.of(dense));
            } else {
                spec.commandLine().getErr().println("pool: semantic matching unavailable (" + hybrid.semantic()
                        + "); pooling lexical and baseline only");
            }
            Pooler experts = new Pooler(c, systems, depth, random);
            systems.put("baseline", baseline);
            Pooler results = new Pooler(c, systems, depth, random);
            int n = 0;
            for (String id : needs) {
                Need need = c.need(id).orElseThrow(() -> new IllegalArgumentException("unknown need " + id));
                write(w, c, results.pool(id, QueryType.NEED_RESULT, need.text(), need.industry()));
                n++;
            }
            for (String id : expertNeeds) {
                Need need = c.need(id).orElseThrow(() -> new IllegalArgumentException("unknown need " + id));
                write(w, c, experts.pool(id, QueryType.NEED_EXPERT, need.text(), need.industry()));
                n++;
            }
            if (queries != null) {
                for (String line : Files.readAllLines(queries, StandardCharsets.UTF_8)) {
                    String[] cols = line.split("\t");
                    if (cols.length == 2 && !line.startsWith("#")) {
                        write(w, c, results.pool(cols[0], QueryType.STAFF_QUERY, cols[1], null));
                        n++;
                    }
                }
            }
            spec.commandLine().getOut().println("wrote " + n + " pools to " + out);
        } finally {
            IndexHome.deleteTree(tmp);
        }
        return 0;
    }

    private void write(BufferedWriter w, Corpus c, Pooler.Pool pool) throws IOException {
        ObjectNode o = json.createObjectNode();
        o.put("qid", pool.qid()).put("type", pool.type().label()).put("text", pool.text());
        ArrayNode cands = o.putArray("candidates");
        for (String id : pool.docIds()) {
            ObjectNode cand = cands.addObject().put("docId", id);
            if (pool.type() == QueryType.NEED_EXPERT) {
                Expert e = c.expert(id).orElseThrow();
                List<String> titles = new ArrayList<>();
                c.results().stream().filter(r -> r.team().contains(id)).map(Result::title).forEach(titles::add);
                cand.put("name", e.name()).put("title", e.title()).put("areas", String.join("、", e.areas()))
                        .put("bio", e.bio()).put("results", String.join("；", titles));
            } else {
                Result r = c.result(id).orElseThrow();
                cand.put("title", r.title()).put("industry", r.industry()).put("summary", r.summary());
            }
        }
        w.write(json.writeValueAsString(o));
        w.newLine();
    }
}
