package dev.duijie.server.bench;

import dev.duijie.corpus.CorpusLoader;
import dev.duijie.data.BundledCorpus;

import java.util.List;

/** The texts every microbenchmark works on: the bundled corpus's result titles and summaries. */
final class BenchTexts {
    private BenchTexts() {
    }

    static List<String> results() {
        return CorpusLoader.load(BundledCorpus.directory()).corpus().results().stream()
                .map(r -> r.title() + "\n" + r.summary()).toList();
    }
}
