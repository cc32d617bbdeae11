package dev.duijie.eval;

import dev.duijie.corpus.Corpus;
import dev.duijie.corpus.Result;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * Builds judging pools the TREC way: the union of the top {@code depth} of every retrieval system available,
 * plus a few random records of the query's industry (so a judged set is not only what today's systems find),
 * seeded by the qid so a pool can be rebuilt exactly.
 */
public final class Pooler {
    private final Corpus corpus;
    private final Map<String, Ranker> systems;
    private final int depth;
    private final int randomPerQuery;

    /** One query's pool. */
    public record Pool(String qid, QueryType type, String text, String industry, List<String> docIds) {
    }

    public Pooler(Corpus corpus, Map<String, Ranker> systems, int depth, int randomPerQuery) {
        this.corpus = corpus;
        this.systems = Map.copyOf(systems);
        this.depth = depth;
        this.randomPerQuery = randomPerQuery;
    }

    /**
     * The pool of one query. {@code industry} picks the random extras (results of that industry for result
     * queries; experts with a result in it for expert queries); {@code null} draws from the whole corpus.
     */
    public Pool pool(String qid, QueryType type, String text, String industry) throws IOException {
        Set<String> ids = new LinkedHashSet<>();
        for (String name : systems.keySet().stream().sorted().toList()) {
            ids.addAll(systems.get(name).rank(type, qid, text, depth));
        }
        List<String> sameIndustry = new ArrayList<>();
        if (type == QueryType.NEED_EXPERT) {
            Set<String> experts = new LinkedHashSet<>();
            corpus.results().stream().filter(r -> industry == null || industry.equals(r.industry()))
                    .forEach(r -> experts.addAll(r.team()));
            experts.stream().filter(id -> corpus.expert(id).isPresent()).forEach(sameIndustry::add);
        } else {
            corpus.results().stream().filter(r -> industry == null || industry.equals(r.industry()))
                    .map(Result::id).forEach(sameIndustry::add);
        }
        sameIndustry.removeAll(ids);
        Random rnd = new Random(seed(qid, type));
        for (int i = 0; i < randomPerQuery && !sameIndustry.isEmpty(); i++) {
            ids.add(sameIndustry.remove(rnd.nextInt(sameIndustry.size())));
        }
        return new Pool(qid, type, text, industry, List.copyOf(ids));
    }

    private static long seed(String qid, QueryType type) {
        CRC32 crc = new CRC32();
        crc.update((qid + "/" + type.label()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return crc.getValue();
    }
}
