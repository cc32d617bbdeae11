package dev.duijie.data;

import dev.duijie.data.gen.CorpusGenerator;
import dev.duijie.data.gen.ScaleGenerator;
import dev.duijie.data.gen.TextStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BundledCorpusTest {
    @TempDir
    Path tmp;

    /** The committed corpus is exactly what the committed generator makes from the committed banks. */
    @Test
    void committedCorpusIsTheGeneratorsOutput() throws IOException {
        CorpusGenerator.Generated g = CorpusGenerator.generateBundled(Path.of("banks"), tmp);
        Path committed = BundledCorpus.directory();
        for (String f : List.of("institutions.jsonl", "experts.jsonl", "results.jsonl", "needs.jsonl")) {
            assertArrayEquals(Files.readAllBytes(committed.resolve(f)), Files.readAllBytes(tmp.resolve(f)),
                    f + " differs: run ./duijie generate --banks corpus/banks --out "
                            + "corpus/src/main/resources/duijie/corpus/zhuzhou and commit the result");
        }
        assertTrue(g.sharedRunShare() < 0.05, "summaries must not read as templated: " + g.sharedRunShare());
    }

    @Test
    void textStatsCountsSharedRuns() {
        assertEquals(0.0, TextStats.sharedRunShare(List.of("一二三四五六七八九十甲乙丙丁戊", "子丑寅卯辰巳午未申酉戌亥天地人"), 15));
        assertEquals(2 / 3.0, TextStats.sharedRunShare(List.of("一二三四五六七八九十甲乙丙丁戊己", "x一二三四五六七八九十甲乙丙丁戊",
                "完全不同的另一段文字内容在这里呀"), 15), 1e-9);
    }

    @Test
    void scaleModeIsDeterministicAndStreamsTheRequestedSize() throws IOException {
        ScaleGenerator.generate(500, 7, tmp.resolve("a"));
        ScaleGenerator.generate(500, 7, tmp.resolve("b"));
        assertArrayEquals(Files.readAllBytes(tmp.resolve("a/results.jsonl")), Files.readAllBytes(tmp.resolve("b/results.jsonl")));
        assertEquals(500, Files.readAllLines(tmp.resolve("a/results.jsonl")).size());
        assertEquals(125, Files.readAllLines(tmp.resolve("a/needs.jsonl")).size());
        assertTrue(Files.exists(tmp.resolve("a/experts.jsonl")) && Files.exists(tmp.resolve("a/institutions.jsonl")));
    }
}
