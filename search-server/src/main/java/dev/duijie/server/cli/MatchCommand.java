package dev.duijie.server.cli;

import dev.duijie.Duijie;
import dev.duijie.corpus.Kind;
import dev.duijie.match.Filters;
import dev.duijie.match.Hit;
import dev.duijie.match.MatchedTerm;
import dev.duijie.match.Reason;
import dev.duijie.match.Snippet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ./duijie match}: ranked hits with 匹配度 and 匹配理由 for a need text or id (or, for needs, a result id). */
@Command(name = "match", mixinStandardHelpOptions = true,
        header = "Rank results, experts or needs for a need text or id, with reasons.",
        description = {"Match a need (free text, or a need id such as N0001) against results or experts,",
                "or a result id against needs (--kind needs). Prints 匹配度, title and 匹配理由 per hit."})
final class MatchCommand implements Callable<Integer> {
    @Mixin
    IndexOptions indexOptions;

    @Option(names = "--kind", defaultValue = "results", description = "results | experts | needs (default: ${DEFAULT-VALUE})")
    String kind;

    @Option(names = "--k", defaultValue = "10", description = "number of hits, 1–100 (default: ${DEFAULT-VALUE})")
    int k;

    @Parameters(paramLabel = "TEXT-or-ID", arity = "1..*", description = "need text (words are joined) or a record id")
    List<String> words;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        String text = String.join(" ", words);
        Kind target = Kind.parse(kind).filter(x -> x != Kind.INSTITUTION).orElseThrow(() ->
                new picocli.CommandLine.ParameterException(spec.commandLine(), "--kind must be results, experts or needs"));
        try (Duijie duijie = indexOptions.open(spec.commandLine().getErr())) {
            boolean isNeedId = duijie.get(Kind.NEED, text).isPresent();
            List<Hit> hits = switch (target) {
                case RESULT -> isNeedId ? duijie.matchNeed(text, Filters.NONE, k) : duijie.match(text, Filters.NONE, k);
                case EXPERT -> isNeedId ? duijie.matchExpertsForNeed(text, Filters.NONE, k)
                        : duijie.matchExperts(text, Filters.NONE, k);
                case NEED -> duijie.matchNeeds(text, Filters.NONE, k);
                case INSTITUTION -> throw new IllegalStateException();
            };
            print(out, hits);
        }
        return 0;
    }

    static void print(PrintWriter out, List<Hit> hits) {
        if (hits.isEmpty()) {
            out.println("（没有匹配结果）");
        }
        int rank = 1;
        for (Hit h : hits) {
            out.printf("%2d. [%3d%%] %s  %s%n", rank++, h.matchPercent(), h.id(), h.title());
            for (Reason r : h.reasons()) {
                out.println("      · " + r.text());
            }
            for (Snippet s : h.snippets()) {
                out.println("      " + s.marked());
            }
            for (Hit e : h.evidence().subList(0, Math.min(3, h.evidence().size()))) {
                out.printf("      ↳ [%3d%%] %s  %s%n", e.matchPercent(), e.id(), e.title());
            }
        }
        out.flush();
    }

    static String terms(List<MatchedTerm> terms) {
        return String.join("、", terms.stream().map(MatchedTerm::term).toList());
    }
}
