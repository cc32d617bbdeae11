package dev.duijie.embed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Child-JVM side of {@link EmbedderTest#leavesNothingInTheTempDirectory}: opens, uses and closes an embedder
 * {@code args[0]} times, then prints what java.io.tmpdir holds while the JVM is still running.
 */
final class TmpdirProbe {

    static final String UNAVAILABLE = "UNAVAILABLE";
    static final String ENTRIES = "ENTRIES:";

    private TmpdirProbe() {
    }

    public static void main(String[] args) throws IOException {
        int n = Integer.parseInt(args[0]);
        for (int i = 0; i < n; i++) {
            try (Embedder embedder = Embedder.tryOpen().orElse(null)) {
                if (embedder == null) {
                    System.out.println(UNAVAILABLE);
                    return;
                }
                embedder.embed("功率模块热管理");
            }
        }
        try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            List<String> names = entries.map(p -> p.getFileName().toString()).sorted().toList();
            System.out.println(ENTRIES + String.join(",", names));
        }
    }
}
