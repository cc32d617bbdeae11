package dev.duijie.embed;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EmbeddingCacheTest {
    @TempDir
    Path dir;

    /** A deterministic stand-in for the model: the cache, not the model, is under test here. */
    private static Function<String, float[]> counting(AtomicInteger calls) {
        return text -> {
            calls.incrementAndGet();
            return new float[]{text.length(), text.hashCode(), 1f};
        };
    }

    @Test
    void aSecondPassOverUnchangedTextsEmbedsNothing() throws IOException {
        List<String> texts = List.of("氮化硅陶瓷基板", "IGBT模块散热", "刀片用不了多久就崩刃", "氮化硅陶瓷基板");
        AtomicInteger calls = new AtomicInteger();
        try (EmbeddingCache cache = EmbeddingCache.open(dir, "model-a", 3)) {
            texts.forEach(t -> cache.get(t, counting(calls)));
            assertEquals(3, cache.computed());
        }
        try (EmbeddingCache cache = EmbeddingCache.open(dir, "model-a", 3)) {
            for (String t : texts) {
                assertArrayEquals(new float[]{t.length(), t.hashCode(), 1f}, cache.get(t, counting(calls)));
            }
            assertEquals(0, cache.computed(), "unchanged texts come from the file");
            cache.get("新的需求文本", counting(calls));
            assertEquals(1, cache.computed(), "only the new text is embedded");
        }
        assertEquals(4, calls.get());
    }

    @Test
    void anotherModelStartsEmpty() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        try (EmbeddingCache a = EmbeddingCache.open(dir, "model-a", 3)) {
            a.get("碳化硅", counting(calls));
        }
        try (EmbeddingCache b = EmbeddingCache.open(dir, "model-b/v2", 3)) {
            b.get("碳化硅", counting(calls));
            assertEquals(1, b.computed(), "a new model id never reuses old vectors");
        }
    }

    @Test
    void aTornTailFromACrashIsDroppedAndAppendsContinue() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        try (EmbeddingCache cache = EmbeddingCache.open(dir, "m", 3)) {
            cache.get("一", counting(calls));
            cache.get("二", counting(calls));
        }
        Path file = dir.resolve("m.vec");
        Files.write(file, new byte[]{1, 2, 3, 4, 5}, java.nio.file.StandardOpenOption.APPEND);
        try (EmbeddingCache cache = EmbeddingCache.open(dir, "m", 3)) {
            assertEquals(2, cache.size());
            cache.get("三", counting(calls));
        }
        try (EmbeddingCache cache = EmbeddingCache.open(dir, "m", 3)) {
            assertEquals(3, cache.size(), "the record after the torn tail was written at a record boundary");
        }
    }

    @Test
    void aVectorOfTheWrongSizeIsRefused() throws IOException {
        try (EmbeddingCache cache = EmbeddingCache.open(dir, "m", 4)) {
            assertThrows(IllegalArgumentException.class, () -> cache.get("x", t -> new float[3]));
        }
    }
}
