package dev.duijie.match;

/**
 * Every ranking weight in one place. Defaults were chosen with {@code ./duijie eval} on the tuning half of the
 * bundled judged set and are reported on the reporting half in {@code docs/quality.md}.
 *
 * <p>Key terms: each query token gets a base weight by type — a lexicon term {@link #lexiconWeight}, a joined
 * number/unit {@link #alnumWeight}, another word of two or more characters 1.0, a single character
 * {@link #singleCharWeight}, a smartcn piece under a lexicon term {@link #pieceWeight}, a bare number
 * {@link #numberWeight}, a stop word 0 — times {@code 1 + ln(tf)}; the {@link #maxTerms} terms with the highest
 * weight × idf are kept. Synonyms of a kept term join with weight × {@link #synonymWeight}.
 *
 * <p>Each key term scores as the best of its fields (title × {@link #titleBoost}, keywords × {@link #keywordsBoost},
 * body × 1) plus {@link #tieBreaker} × the others (a dis-max); CJK bigrams of the query add recall on the bigram
 * field with {@link #bigramWeight} (at most {@link #maxBigrams}, rarest first); adjacent key terms found near each
 * other in the body ({@link #proximitySlop}) add {@link #proximityWeight}.
 *
 * <p>匹配度 = round(100 × (1 − e<sup>−{@link #percentSteepness} × score / ref</sup>)), where ref is the score of
 * the query's own best possible single-field match: Σ over key terms of weight × idf. Monotone in score within
 * one query; a hit matching every key term about once lands near 90.
 *
 * <p>Experts: score = {@link #expertProfileWeight} × profile score (areas, bio) normalised by the best profile
 * score + (1 − that) × evidence, where evidence sums the expert's matching results' normalised scores with weights
 * 1, {@link #evidenceDecay}, {@link #evidenceDecay}², … (so three fitting results beat one weak hit), normalised
 * by the best evidence.
 *
 * <p>Hybrid (an index with embeddings and the model available): lexical and dense candidates fused by a normalised
 * weighted sum, {@link #denseWeight} on the dense side, cosines below {@link #denseFloor} count as nothing, over the
 * top {@link #fusionDepth} of each side; 匹配度 is then 100 × the fused score. {@code denseWeight} 0 is lexical
 * only. See {@code HybridRanker}.
 */
public record MatchConfig(double lexiconWeight, double alnumWeight, double singleCharWeight, double pieceWeight,
                          double numberWeight, int maxTerms, double synonymWeight, double titleBoost,
                          double keywordsBoost, float tieBreaker, double bigramWeight, int maxBigrams,
                          int proximitySlop, double proximityWeight, double percentSteepness,
                          double expertProfileWeight, double evidenceDecay, int evidenceDepth,
                          double denseWeight, double denseFloor, int fusionDepth) {

    /** The defaults (see the class comment for how they were chosen). */
    public static final MatchConfig DEFAULT = new MatchConfig(1.0, 1.5, 0.4, 0.3, 0.2, 40, 0.6, 1.5, 1.0, 0.3f,
            1.0, 128, 6, 0.2, 2.3, 0.2, 0.6, 200, 0.4, 0.5, 100);

    public MatchConfig {
        if (maxTerms < 1 || maxBigrams < 0 || evidenceDepth < 1 || fusionDepth < 1) {
            throw new IllegalArgumentException("maxTerms, evidenceDepth, fusionDepth ≥ 1 and maxBigrams ≥ 0 required");
        }
        if (denseWeight < 0 || denseWeight > 1 || denseFloor < -1 || denseFloor >= 1) {
            throw new IllegalArgumentException("denseWeight in 0–1 and denseFloor in [−1, 1) required");
        }
    }

    /**
     * A copy with one weight changed by name, e.g. {@code with("synonymWeight", 0)}: how {@code ./duijie eval --set}
     * runs ablations and tuning without a rebuild.
     *
     * @throws IllegalArgumentException for an unknown name or a value the constructor rejects
     */
    public MatchConfig with(String name, double value) {
        java.lang.reflect.RecordComponent[] components = MatchConfig.class.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        boolean found = false;
        try {
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                args[i] = components[i].getAccessor().invoke(this);
                if (components[i].getName().equals(name)) {
                    found = true;
                    args[i] = types[i] == int.class ? (Object) (int) Math.round(value)
                            : types[i] == float.class ? (Object) (float) value : (Object) value;
                }
            }
            if (!found) {
                throw new IllegalArgumentException("unknown MatchConfig field: " + name);
            }
            return MatchConfig.class.getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            if (e.getCause() instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw new IllegalStateException(e);
        }
    }

    /** A copy with the synonym layer switched off, for eval comparisons. */
    public MatchConfig withoutSynonyms() {
        return with("synonymWeight", 0);
    }
}
