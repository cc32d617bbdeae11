package dev.duijie.server.cli;

import dev.duijie.Duijie;
import dev.duijie.corpus.CorpusLoader;
import dev.duijie.corpus.LoadReport;
import dev.duijie.data.BundledCorpus;
import dev.duijie.index.IndexHome;
import dev.duijie.index.LiveIndex;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the index lives, and what to build it from when it does not exist yet. Shared by every command. */
final class IndexOptions {
    @Option(names = "--index", paramLabel = "DIR",
            description = "index directory (default: $DUIJIE_INDEX or data/index); built on first use")
    Path index;

    @Option(names = "--corpus", paramLabel = "DIR",
            description = "corpus to build a missing index from (default: the bundled 株洲 corpus)")
    Path corpus;

    @Option(names = "--no-embeddings",
            description = "lexical matching only: never load the embedding model (default: semantic matching too, "
                    + "when the model is available and the index has embeddings)")
    boolean noEmbeddings;

    Duijie.Options options() {
        return noEmbeddings ? Duijie.Options.DEFAULT.withoutEmbeddings() : Duijie.Options.DEFAULT;
    }

    Path indexDir() {
        if (index != null) {
            return index;
        }
        String env = System.getenv("DUIJIE_INDEX");
        return Path.of(env != null && !env.isBlank() ? env : "data/index");
    }

    /** Opens the index, building it first from the corpus when the directory holds none. */
    Duijie open(PrintWriter log) throws IOException {
        Path dir = indexDir();
        if (IndexHome.at(dir).hasPointer() || LiveIndex.hasSegments(dir)) {
            return Duijie.open(dir, options());
        }
        Path source = corpus != null ? corpus : BundledCorpus.directory();
        log.println("duijie: no index in " + dir + ", building it from " + (corpus != null ? corpus : "the bundled corpus") + " …");
        LoadReport report = CorpusLoader.load(source);
        if (report.hasErrors()) {
            report.errors().forEach(log::println);
            throw new IOException("the corpus has errors; fix them or run ./duijie validate " + source);
        }
        long t0 = System.nanoTime();
        var corpus = report.corpus();
        ReindexCommand.ConsoleProgress progress = new ReindexCommand.ConsoleProgress(log, "duijie");
        progress.phase("index", corpus.results().size() + corpus.needs().size() + corpus.experts().size()
                + corpus.institutions().size());
        if (!noEmbeddings) {
            log.println("duijie: embedding every record for semantic matching (cached in " + dir.resolve("embeddings")
                    + "; --no-embeddings skips this)");
        }
        Duijie duijie = Duijie.build(corpus, dir, options(), progress::progress);
        progress.phase(null, 0);
        log.printf("duijie: indexed %s in %.1f s; %s%n", report.summary(), (System.nanoTime() - t0) / 1e9,
                duijie.semantic() == Duijie.Semantic.ON ? "semantic matching on" : "lexical matching only ("
                        + duijie.semantic() + ")");
        return duijie;
    }
}
