package dev.duijie.server;

import dev.duijie.Duijie;
import dev.duijie.corpus.CorpusLoader;
import dev.duijie.data.BundledCorpus;
import dev.duijie.server.http.DuijieServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real server on a random loopback port over a real on-disk index of the bundled corpus, semantic matching on.
 * The index is built once per test JVM and shared; each test class starts and stops its own server.
 */
public final class TestServer implements AutoCloseable {
    private static Duijie shared;

    private final DuijieServer server;

    private TestServer(Duijie duijie) {
        this.server = DuijieServer.start(duijie, "127.0.0.1", 0);
    }

    public static synchronized TestServer start() {
        if (shared == null) {
            try {
                Path dir = Files.createTempDirectory("duijie-test-index");
                // Semantic matching on, as served; embeddings come from the build-wide test cache (see the root pom).
                shared = Duijie.build(CorpusLoader.load(BundledCorpus.directory()).corpus(), dir,
                        Duijie.Options.DEFAULT.withEmbeddingCache(Path.of(System.getProperty("duijie.test.embeddingCache",
                                "target/test-embeddings"))), done -> { });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new TestServer(shared);
    }

    /** {@code http://127.0.0.1:PORT} without a trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    public Duijie duijie() {
        return shared;
    }

    @Override
    public void close() {
        server.close();
    }
}
