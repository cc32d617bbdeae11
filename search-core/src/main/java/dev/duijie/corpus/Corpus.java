package dev.duijie.corpus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An immutable, validated corpus: every record passed {@link CorpusLoader}'s checks, ids are unique per kind
 * and every reference resolves. Build one with {@link CorpusLoader#load} or {@link #of}.
 */
public final class Corpus {
    private final Map<String, Result> results;
    private final Map<String, Need> needs;
    private final Map<String, Expert> experts;
    private final Map<String, Institution> institutions;
    private final Map<String, String> queries;
    private final List<Judgment> judgments;

    private Corpus(List<Result> results, List<Need> needs, List<Expert> experts, List<Institution> institutions,
                   Map<String, String> queries, List<Judgment> judgments) {
        this.results = index(results, Result::id);
        this.needs = index(needs, Need::id);
        this.experts = index(experts, Expert::id);
        this.institutions = index(institutions, Institution::id);
        this.queries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(queries));
        this.judgments = List.copyOf(judgments);
    }

    /**
     * A corpus from records already known to be valid (ids unique per kind). Used by tests and by callers that
     * build records in code; input from files goes through {@link CorpusLoader}, which checks everything.
     *
     * @throws IllegalArgumentException on a duplicate id
     */
    public static Corpus of(List<Result> results, List<Need> needs, List<Expert> experts,
                            List<Institution> institutions, Map<String, String> queries, List<Judgment> judgments) {
        return new Corpus(results, needs, experts, institutions, queries, judgments);
    }

    private static <T> Map<String, T> index(List<T> records, Function<T, String> id) {
        Map<String, T> map = records.stream().collect(Collectors.toMap(id, r -> r, (a, b) -> {
            throw new IllegalArgumentException("duplicate id " + id.apply(a));
        }, LinkedHashMap::new));
        return java.util.Collections.unmodifiableMap(map);
    }

    /** Results in file order. */
    public List<Result> results() {
        return List.copyOf(results.values());
    }

    /** Needs in file order. */
    public List<Need> needs() {
        return List.copyOf(needs.values());
    }

    /** Experts in file order. */
    public List<Expert> experts() {
        return List.copyOf(experts.values());
    }

    /** Institutions in file order. */
    public List<Institution> institutions() {
        return List.copyOf(institutions.values());
    }

    /** Staff queries from {@code queries.tsv}: id → text, in file order. */
    public Map<String, String> queries() {
        return queries;
    }

    /** Relevance judgments from {@code qrels.tsv}, in file order. */
    public List<Judgment> judgments() {
        return judgments;
    }

    public Optional<Result> result(String id) {
        return Optional.ofNullable(results.get(id));
    }

    public Optional<Need> need(String id) {
        return Optional.ofNullable(needs.get(id));
    }

    public Optional<Expert> expert(String id) {
        return Optional.ofNullable(experts.get(id));
    }

    public Optional<Institution> institution(String id) {
        return Optional.ofNullable(institutions.get(id));
    }

    /** Number of records of one kind. */
    public int count(Kind kind) {
        return switch (kind) {
            case RESULT -> results.size();
            case NEED -> needs.size();
            case EXPERT -> experts.size();
            case INSTITUTION -> institutions.size();
        };
    }
}
