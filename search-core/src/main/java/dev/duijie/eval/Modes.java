package dev.duijie.eval;

import dev.duijie.Duijie;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The retrieval modes of one index, each the product's own ranking: {@code lexical} (embeddings off),
 * {@code dense} (hybrid with all weight on the dense side), {@code hybrid} (as served) and {@code rrf}
 * (reciprocal-rank fusion of lexical and dense, kept for comparison with the served fusion). Without semantic
 * matching (see {@link #semantic()}) only lexical is available. Used by {@code ./duijie eval} and the regression gate.
 */
public final class Modes implements Closeable {
    /** All mode names, in report order. */
    public static final List<String> ALL = List.of("lexical", "dense", "hybrid", "rrf");
    /** rrf's k and dense weight, chosen on the tuning half (k 20/60, weights 0.3/0.5/1.0; docs/quality.md). */
    public static final int RRF_K = 20;
    public static final double RRF_DENSE_WEIGHT = 0.5;

    private final Duijie lexical;
    private final Duijie hybrid;
    private final Duijie dense;

    private Modes(Duijie lexical, Duijie hybrid, Duijie dense) {
        this.lexical = lexical;
        this.hybrid = hybrid;
        this.dense = dense;
    }

    /** Opens the index home {@code index} three times (lexical, hybrid, dense) with {@code options}' weights. */
    public static Modes open(Path index, Duijie.Options options) throws IOException {
        Duijie lex = Duijie.open(index, options.withoutEmbeddings());
        Duijie hyb = null;
        try {
            hyb = Duijie.open(index, options);
            Duijie den = Duijie.open(index, options.withConfig(options.config().with("denseWeight", 1)));
            return new Modes(lex, hyb, den);
        } catch (IOException | RuntimeException e) {
            lex.close();
            if (hyb != null) {
                hyb.close();
            }
            throw e;
        }
    }

    /** Whether dense, hybrid and rrf are available, and if not, why. */
    public Duijie.Semantic semantic() {
        return hybrid.semantic();
    }

    /**
     * The rankers of the wanted modes that are available, in {@link #ALL} order.
     *
     * @param rrfK        k of reciprocal-rank fusion
     * @param denseWeight weight of the dense ranking in rrf (lexical 1)
     */
    public Map<String, Ranker> rankers(Set<String> wanted, int rrfK, double denseWeight) {
        Ranker lex = Ranker.of(lexical);
        Ranker den = Ranker.of(dense);
        Map<String, Ranker> all = new LinkedHashMap<>();
        all.put("lexical", lex);
        if (semantic() == Duijie.Semantic.ON) {
            all.put("dense", den);
            all.put("hybrid", Ranker.of(hybrid));
            all.put("rrf", (type, qid, text, depth) -> Fusion.rrf(
                    List.of(lex.rank(type, qid, text, 100), den.rank(type, qid, text, 100)),
                    List.of(1.0, denseWeight), rrfK, depth));
        }
        all.keySet().retainAll(wanted);
        return all;
    }

    @Override
    public void close() throws IOException {
        try (lexical; hybrid; dense) {
            // closes all three
        }
    }
}
