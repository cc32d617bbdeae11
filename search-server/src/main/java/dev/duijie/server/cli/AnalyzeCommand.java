package dev.duijie.server.cli;

import dev.duijie.analysis.LexiconReport;
import dev.duijie.analysis.TokenList;
import dev.duijie.analysis.Vocabulary;
import dev.duijie.corpus.Problem;
import dev.duijie.index.Analyzers;
import org.apache.lucene.analysis.Analyzer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ./duijie analyze}: the tokens each field gets, or the lexicon report. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        header = "Show the tokens of a text, or the lexicon report.",
        description = {"Show how Duijie analyzes a text: each field's tokens with position, position length",
                "(for terms spanning smartcn's pieces), offsets and type (word, lexicon, alnum, <CJK bigram>).",
                "With --lexicon-report: how many lexicon terms plain smartcn splits, and that the chain keeps",
                "every one whole (exit 1 if not)."})
final class AnalyzeCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "TEXT", description = "text to analyze (words are joined)")
    List<String> words;

    @Option(names = "--lexicon-report", description = "report on the lexicon instead of analyzing a text")
    boolean lexiconReport;

    @Option(names = "--lexicon", paramLabel = "FILE", description = "extra user lexicon file(s), one term per line")
    List<Path> lexicons = List.of();

    @Option(names = "--verbose", description = "with --lexicon-report: list every term smartcn splits")
    boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Vocabulary.Loaded loaded = Vocabulary.load(lexicons);
        loaded.problems().forEach(p -> spec.commandLine().getErr().println(p));
        if (loaded.hasErrors()) {
            return 1;
        }
        Vocabulary vocabulary = loaded.vocabulary();
        if (lexiconReport) {
            LexiconReport r = LexiconReport.of(vocabulary.lexicon());
            if (verbose) {
                r.splitBySmartcn().forEach(out::println);
            }
            out.printf("lexicon terms: %d; split by plain smartcn: %d (%.1f%%); kept whole by the Duijie chain: %d (%.1f%%)%n",
                    r.terms(), r.splitBySmartcn().size(), 100.0 * r.splitBySmartcn().size() / r.terms(),
                    r.terms() - r.notWhole().size(), 100.0 * (r.terms() - r.notWhole().size()) / r.terms());
            r.notWhole().forEach(t -> out.println("NOT WHOLE: " + t));
            out.printf("synonym groups: %d; stop words: %d%n", vocabulary.synonyms().groups(), vocabulary.stopWords().size());
            return r.notWhole().isEmpty() ? 0 : 1;
        }
        if (words == null || words.isEmpty()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give a TEXT or --lexicon-report");
        }
        String text = String.join(" ", words);
        Analyzers analyzers = new Analyzers(vocabulary);
        print(out, "text fields (title, keywords, summary, description, areas, bio)", analyzers.domain(), text, vocabulary);
        print(out, "recall field (*.bigram)", analyzers.bigram(), text, vocabulary);
        return 0;
    }

    private static void print(PrintWriter out, String heading, Analyzer analyzer, String text, Vocabulary vocabulary) {
        out.println("== " + heading);
        for (TokenList.Tok t : TokenList.of(analyzer, "f", text)) {
            List<String> syn = vocabulary.synonyms().alternatives(t.term());
            out.printf("  %-14s pos %-3d len %-2d [%d,%d) %-8s%s%s%n", t.term(), t.pos(), t.posLen(), t.start(), t.end(),
                    t.type(), vocabulary.stopWords().contains(t.term()) ? " stop-word(query weight 0)" : "",
                    syn.isEmpty() ? "" : " synonyms: " + String.join(", ", syn));
        }
        out.flush();
    }
}
