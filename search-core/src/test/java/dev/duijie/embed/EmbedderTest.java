package dev.duijie.embed;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link Embedder} on the bundled model; skipped where ONNX Runtime's native library cannot load. */
class EmbedderTest {

    private static Embedder embedder;

    @BeforeAll
    static void open() {
        embedder = Embedder.tryOpen().orElse(null);
        Assumptions.assumeTrue(embedder != null, "ONNX Runtime or the model is unavailable here (see the log)");
    }

    @AfterAll
    static void close() {
        if (embedder != null) {
            embedder.close();
        }
    }

    private static double cosine(String a, String b) {
        float[] x = embedder.embed(a);
        float[] y = embedder.embed(b);
        double dot = 0;
        for (int i = 0; i < x.length; i++) {
            dot += (double) x[i] * y[i];
        }
        return dot; // both unit length
    }

    private static double norm(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        return Math.sqrt(sum);
    }

    @Test
    void unitVectorsOf512() {
        float[] v = embedder.embed("梯度硬质合金CVD涂层刀片");
        assertEquals(512, v.length);
        assertEquals(512, embedder.dimension());
        assertEquals(1.0, norm(v), 1e-5);
    }

    @Test
    void deterministic() {
        String text = "IGBT模块散热与功率器件封装";
        assertArrayEquals(embedder.embed(text), embedder.embed(text));
    }

    @Test
    void modelIdNamesModelAndContent() {
        assertTrue(embedder.modelId().matches("bge-small-zh-v1\\.5-q-int8-[0-9a-f]{12}"), embedder.modelId());
    }

    @Test
    void relatedTextsAreCloser() {
        String need = "刀片用不了多久就崩刃";
        assertTrue(cosine(need, "梯度硬质合金CVD涂层刀片，提高抗崩刃性能") > cosine(need, "北斗高精度定位接收机"));
        String igbt = "IGBT模块散热";
        assertTrue(cosine(igbt, "功率模块热管理") > cosine(igbt, "中药提取工艺"));
    }

    @Test
    void emptyText() {
        float[] v = embedder.embed("");
        assertEquals(512, v.length);
        assertEquals(1.0, norm(v), 1e-5);
    }

    @Test
    void longTextIsCutTo512Tokens() {
        // Only ideographs and full-width punctuation: one token per character, so the first 510 characters
        // are exactly what remains after the cut between [CLS] and [SEP].
        String sentence = "高精度数控机床主轴热变形补偿技术研究，";
        String text = sentence.repeat(10_000 / sentence.length() + 1).substring(0, 10_000);
        assertEquals(512, BertTokenizer.bgeSmallZh().encode(text).length());
        float[] v = embedder.embed(text);
        assertEquals(1.0, norm(v), 1e-5);
        assertArrayEquals(embedder.embed(text.substring(0, 510)), v);
        assertNotEquals(embedder.embed(text.substring(0, 400))[0], v[0]);
    }

    @Test
    void twoThreadsGiveTheSequentialVectors() throws Exception {
        List<String> texts = List.of("刀片崩刃", "功率模块热管理", "中药提取工艺", "北斗高精度定位接收机",
                "锂电池隔膜涂覆", "工业机器人视觉引导", "污水处理膜生物反应器", "");
        List<float[]> sequential = texts.stream().map(embedder::embed).toList();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                List<Future<float[]>> futures = new ArrayList<>();
                for (String text : texts) {
                    futures.add(pool.submit(() -> embedder.embed(text)));
                }
                for (int i = 0; i < texts.size(); i++) {
                    assertArrayEquals(sequential.get(i), futures.get(i).get(), texts.get(i));
                }
            }
        } finally {
            pool.shutdown();
            assertTrue(pool.awaitTermination(1, TimeUnit.MINUTES));
        }
    }

    @Test
    void closedEmbedderRefuses() {
        Embedder second = Embedder.open();
        second.embed("试");
        second.close();
        second.close();
        assertThrows(IllegalStateException.class, () -> second.embed("试"));
    }

    /**
     * ONNX Runtime extracts its native libraries into java.io.tmpdir once per JVM, so this runs a fresh JVM
     * with its own temp directory: after several opens and closes nothing is in it, neither while that JVM
     * still runs nor after it exits.
     */
    @Test
    void leavesNothingInTheTempDirectory(@TempDir Path tmp) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Djava.io.tmpdir=" + tmp, "-cp",
                System.getProperty("java.class.path"), TmpdirProbe.class.getName(), "3")
                .redirectErrorStream(true)
                .start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(2, TimeUnit.MINUTES), output);
        assertEquals(0, child.exitValue(), output);
        Assumptions.assumeFalse(output.contains(TmpdirProbe.UNAVAILABLE), "child JVM cannot load ONNX Runtime");
        String entries = output.lines().filter(l -> l.startsWith(TmpdirProbe.ENTRIES)).findFirst().orElseThrow();
        assertEquals(TmpdirProbe.ENTRIES, entries, "temp directory while the child still runs");
        assertEquals(List.of(), list(tmp), "temp directory after exit");
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.toList();
        }
    }

    /** A rough figure for the log, not a test of speed. */
    @Test
    void printThroughput() {
        String shortText = "IGBT模块散热";
        String longText = "针对高速切削加工中硬质合金刀片易崩刃、寿命短的问题，研究梯度结构硬质合金基体与CVD多层涂层的匹配设计，"
                .repeat(6).substring(0, 300);
        System.out.printf("Embedder throughput, 1 thread: %.0f short texts/s, %.1f 300-character texts/s%n",
                perSecond(shortText), perSecond(longText));
    }

    private static double perSecond(String text) {
        for (int i = 0; i < 5; i++) {
            embedder.embed(text);
        }
        long start = System.nanoTime();
        int n = 0;
        while (System.nanoTime() - start < 2_000_000_000L) {
            embedder.embed(text);
            n++;
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }
}
