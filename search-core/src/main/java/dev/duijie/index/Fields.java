package dev.duijie.index;

import dev.duijie.corpus.Kind;

import java.util.List;
import java.util.Locale;

/**
 * Field names of the index. One index holds all four kinds (one generation to build, check and switch
 * atomically), but every text field is prefixed with its kind ({@code result.summary}, {@code need.description}),
 * so BM25's statistics — document frequencies and average lengths — are per kind: a need's wording never
 * changes how rare a word looks among results. Filter fields are shared and combined with {@link #KIND}.
 */
public final class Fields {
    public static final String KIND = "kind";
    public static final String ID = "id";
    /** The record as JSON, for {@code get} and display. */
    public static final String SOURCE = "source";

    // Filter and facet fields (exact values).
    public static final String INDUSTRY = "industry";
    public static final String INSTITUTION = "institution";
    public static final String REGION = "region";
    public static final String IP_TYPE = "ipType";
    public static final String TRANSFER_MODE = "transferMode";
    /** Results: trl; needs: requiredTrl. IntPoint for ranges, doc values for display. */
    public static final String TRL = "trl";
    /** Results: date; needs: deadline. Epoch day as LongPoint. */
    public static final String DATE = "date";
    /** The record's embedding (HNSW), present only in indexes built with vectors. */
    public static final String VECTOR = "vector";
    /** The record's body sentences' embeddings, packed (see {@link Passages}); only with {@link #VECTOR}. */
    public static final String PASSAGES = "passages";
    /** Expert team members of a result, for evidence lookups. */
    public static final String TEAM = "team";

    /** Facet dimensions counted on every search. */
    public static final List<String> FACETS = List.of(INDUSTRY, INSTITUTION, REGION, IP_TYPE, TRANSFER_MODE, TRL);

    /** Text roles; each kind maps them to its own fields. */
    public enum Role { TITLE, KEYWORDS, BODY, BIGRAM }

    private Fields() {
    }

    /** The text field of {@code kind} for {@code role}, e.g. {@code result.body}. */
    public static String text(Kind kind, Role role) {
        return kind.name().toLowerCase(Locale.ROOT) + "." + role.name().toLowerCase(Locale.ROOT);
    }

    static boolean isBigram(String field) {
        return field.endsWith(".bigram");
    }
}
