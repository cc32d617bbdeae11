package dev.duijie.match;

import dev.duijie.analysis.TokenList;

import dev.duijie.analysis.Tokens;
import dev.duijie.analysis.Vocabulary;
import org.apache.lucene.analysis.Analyzer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Chooses the weighted key terms of a query text (a short staff query or a 10,000-character need): lexicon hits
 * up, boilerplate and stop words out, then synonyms of the kept terms at a lower weight. See {@link MatchConfig}.
 */
final class KeyTerms {

    /**
     * A key term.
     *
     * @param term      normalized term as indexed
     * @param weight    query weight (before idf)
     * @param synonymOf the query's own term this one was reached from, or {@code null}
     * @param position  first position in the query, for proximity pairs
     */
    record KeyTerm(String term, double weight, String synonymOf, int position) {
    }

    private KeyTerms() {
    }

    /**
     * @param idf idf of a term among the target kind's records; 0 when no record has it
     */
    static List<KeyTerm> extract(String text, Analyzer domain, Vocabulary vocabulary, MatchConfig config,
                                 ToDoubleFunction<String> idf) {
        List<TokenList.Tok> tokens = TokenList.of(domain, "query", text);
        // Positions covered by a span token (a lexicon term or joined number over smartcn's pieces).
        Map<Integer, Boolean> coveredBySpan = new HashMap<>();
        for (TokenList.Tok t : tokens) {
            for (int p = t.pos(); t.posLen() > 1 && p < t.pos() + t.posLen(); p++) {
                coveredBySpan.put(p, true);
            }
        }
        Map<String, double[]> acc = new LinkedHashMap<>(); // term → {best base weight, tf, first position}
        for (TokenList.Tok t : tokens) {
            double base = baseWeight(t, coveredBySpan, vocabulary, config);
            if (base <= 0) {
                continue;
            }
            double[] a = acc.computeIfAbsent(t.term(), k -> new double[]{0, 0, t.pos()});
            a[0] = Math.max(a[0], base);
            a[1]++;
        }
        // rank = weight × idf, or, for a term only reachable through synonyms, its synonyms' best idf; computed once.
        record Candidate(String term, double weight, double idf, int position, double rank) {
        }
        List<Candidate> candidates = new ArrayList<>();
        acc.forEach((term, a) -> {
            double weight = a[0] * (1 + Math.log(a[1]));
            double termIdf = idf.applyAsDouble(term);
            boolean hasSynonyms = config.synonymWeight() > 0 && !vocabulary.synonyms().alternatives(term).isEmpty();
            if (termIdf > 0 || hasSynonyms) {
                candidates.add(new Candidate(term, weight, termIdf, (int) a[2],
                        weight * Math.max(termIdf, bestSynonymIdf(term, vocabulary, config, idf))));
            }
        });
        candidates.sort(Comparator.comparingDouble((Candidate c) -> -c.rank()));
        List<KeyTerm> out = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (Candidate c : candidates.subList(0, Math.min(config.maxTerms(), candidates.size()))) {
            if (c.idf() > 0) {
                index.put(c.term(), out.size());
                out.add(new KeyTerm(c.term(), c.weight(), null, c.position()));
            }
        }
        if (config.synonymWeight() > 0) {
            for (Candidate c : candidates.subList(0, Math.min(config.maxTerms(), candidates.size()))) {
                for (String alt : vocabulary.synonyms().alternatives(c.term())) {
                    double w = c.weight() * config.synonymWeight();
                    Integer at = index.get(alt);
                    if (at == null && idf.applyAsDouble(alt) > 0) {
                        index.put(alt, out.size());
                        out.add(new KeyTerm(alt, w, c.term(), c.position()));
                    } else if (at != null && out.get(at).synonymOf() != null && out.get(at).weight() < w) {
                        out.set(at, new KeyTerm(alt, w, c.term(), c.position()));
                    }
                }
            }
        }
        return out;
    }

    private static double bestSynonymIdf(String term, Vocabulary vocabulary, MatchConfig config,
                                         ToDoubleFunction<String> idf) {
        if (config.synonymWeight() <= 0) {
            return 0;
        }
        double best = 0;
        for (String alt : vocabulary.synonyms().alternatives(term)) {
            best = Math.max(best, idf.applyAsDouble(alt) * config.synonymWeight());
        }
        return best;
    }

    private static double baseWeight(TokenList.Tok t, Map<Integer, Boolean> coveredBySpan, Vocabulary vocabulary,
                                     MatchConfig config) {
        String term = t.term();
        if (vocabulary.stopWords().contains(term)) {
            return 0;
        }
        // A lexicon term nested at the start of a longer one (igbt in igbt模块) is not retyped, but is still one.
        if (Tokens.LEXICON.equals(t.type()) || vocabulary.lexicon().contains(term)) {
            return config.lexiconWeight();
        }
        if (Tokens.ALNUM.equals(t.type())) {
            return config.alnumWeight();
        }
        if (coveredBySpan.containsKey(t.pos())) {
            return config.pieceWeight();
        }
        if (isNumber(term)) {
            return config.numberWeight();
        }
        if (term.codePointCount(0, term.length()) == 1) {
            return config.singleCharWeight();
        }
        return 1.0;
    }

    private static boolean isNumber(String term) {
        for (int i = 0; i < term.length(); i++) {
            if (!Character.isDigit(term.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
