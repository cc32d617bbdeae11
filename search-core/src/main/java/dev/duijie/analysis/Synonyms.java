package dev.duijie.analysis;

import dev.duijie.corpus.Problem;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The domain thesaurus: groups of equivalent terms, one group per line, comma-separated
 * ({@code 北斗, BDS, 北斗卫星导航系统}). Applied at query time only (see the match package), so changing it never
 * needs a reindex. Terms are normalized like the lexicon's.
 */
public final class Synonyms {
    private final Map<String, List<String>> groupOf = new HashMap<>();
    private int groups;

    private Synonyms() {
    }

    static Synonyms build(List<Lexicon.Source> sources, List<Problem> problems) {
        Synonyms s = new Synonyms();
        for (Lexicon.Source source : sources) {
            source.lines(problems, (line, text) -> {
                List<String> group = new ArrayList<>();
                for (String raw : text.split("[,，]")) {
                    String term = raw.strip();
                    if (term.isEmpty()) {
                        continue;
                    }
                    String norm = Lexicon.normalize(term);
                    if (s.groupOf.containsKey(norm) || group.contains(norm)) {
                        problems.add(new Problem(Problem.Severity.WARNING, source.name(), line, null,
                                "「" + term + "」已在另一组同义词中，本组忽略该词"));
                        continue;
                    }
                    group.add(norm);
                }
                if (group.size() < 2) {
                    problems.add(new Problem(Problem.Severity.ERROR, source.name(), line, null,
                            "同义词组至少需要两个词，用逗号分隔"));
                    return;
                }
                List<String> frozen = List.copyOf(group);
                frozen.forEach(t -> s.groupOf.put(t, frozen));
                s.groups++;
            });
        }
        return s;
    }

    /** The other members of the term's group (normalized), or an empty list. */
    public List<String> alternatives(String normalizedTerm) {
        List<String> group = groupOf.get(normalizedTerm);
        if (group == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>(group);
        out.remove(normalizedTerm);
        return Collections.unmodifiableList(out);
    }

    /** Number of groups. */
    public int groups() {
        return groups;
    }

    /** Every term in some group (normalized). */
    public java.util.Set<String> terms() {
        return Collections.unmodifiableSet(groupOf.keySet());
    }
}
