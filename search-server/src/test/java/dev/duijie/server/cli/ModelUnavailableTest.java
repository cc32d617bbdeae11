package dev.duijie.server.cli;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Without the embedding model on the classpath Duijie still works, lexically, and says so: a real JVM whose classpath
 * is this one minus the model's jar.
 */
class ModelUnavailableTest {
    @Test
    void evalRunsLexicallyAndSaysWhy() throws IOException, InterruptedException {
        List<String> entries = Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
        String withoutModel = entries.stream().filter(e -> !e.contains("bge-small-zh"))
                .collect(Collectors.joining(File.pathSeparator));
        assertTrue(entries.size() > withoutModel.split(File.pathSeparator).length, "the model jar was on the classpath");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8",
                "-cp", withoutModel, DuijieCommand.class.getName(), "eval", "--mode", "all")
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains("semantic matching: MODEL_UNAVAILABLE"), output);
        assertTrue(output.contains("semantic matching off, no embedder: java.lang.IllegalStateException: missing classpath "
                + "resource /bge-small-zh-v1.5-q.onnx"), "the log line says why: " + output);
        assertTrue(output.contains("lexical   need-result/reporting"), output);
        assertFalse(output.contains("hybrid    need-result"), "no semantic rows without the model: " + output);
    }
}
