package dev.duijie.server.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line as a user runs it: real arguments, real files, exit codes and output. */
class CliTest {
    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = DuijieCommand.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void validateTheBundledCorpusMeetsTheFloors() {
        Run r = run("validate");
        assertEquals(0, r.exit(), r.out());
        Matcher m = Pattern.compile("results (\\d+), needs (\\d+), experts (\\d+), institutions (\\d+)").matcher(r.out());
        assertTrue(m.find(), r.out());
        assertTrue(Integer.parseInt(m.group(1)) >= 2000, "results ≥ 2000: " + m.group());
        assertTrue(Integer.parseInt(m.group(2)) >= 600, "needs ≥ 600: " + m.group());
        assertTrue(Integer.parseInt(m.group(3)) >= 300, "experts ≥ 300: " + m.group());
        assertTrue(Integer.parseInt(m.group(4)) >= 30, "institutions ≥ 30: " + m.group());
    }

    @Test
    void validateABrokenCopyListsEveryProblemAsFileLine() throws IOException {
        Path dir = tmp.resolve("broken");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("institutions.jsonl"), "{\"id\":\"i1\",\"name\":\"甲大学\"}\n");
        Files.writeString(dir.resolve("experts.jsonl"), "{\"id\":\"E1\",\"name\":\"张三\",\"institution\":\"i9\"}\n");
        Files.writeString(dir.resolve("results.jsonl"), String.join("\n",
                "{\"id\":\"R1\",\"title\":\"T\",\"summary\":\"S\"}",
                "{\"id\":\"R1\",\"title\":\"T\",\"summary\":\"S\"}",
                "{oops",
                "{\"id\":\"R2\",\"title\":\"T\",\"summary\":\"S\",\"team\":[\"E1\"]}",
                "{\"id\":\"R3\",\"title\":\"T\",\"summary\":\"S\",\"trl\":10}") + "\n");
        Files.write(dir.resolve("needs.jsonl"), "{\"id\":\"N1\",\"title\":\"碳化硅\"}\n".getBytes("GBK"));
        Run r = run("validate", dir.toString());
        assertEquals(1, r.exit());
        List<String> expected = List.of("experts.jsonl:1: 错误: institution", "results.jsonl:2: 错误: id",
                "results.jsonl:3: 错误", "results.jsonl:4: 错误: team", "results.jsonl:5: 错误: trl",
                "needs.jsonl:1: 错误");
        for (String e : expected) {
            assertTrue(r.out().contains(e), "missing «" + e + "» in\n" + r.out());
        }
        assertTrue(r.out().strip().endsWith("错误 6 个, 警告 0 个"), r.out());
    }

    @Test
    void validateAMissingDirectoryFails() {
        Run r = run("validate", tmp.resolve("nope").toString());
        assertEquals(1, r.exit());
        assertTrue(r.out().contains("语料目录不存在"), r.out());
    }

    @Test
    void helpExplainsEveryCommand() {
        Run r = run("--help");
        assertEquals(0, r.exit());
        for (String cmd : List.of("validate", "match", "analyze", "eval", "bench", "generate")) {
            assertTrue(r.out().contains(cmd), cmd);
            Run sub = run(cmd, "--help");
            assertEquals(0, sub.exit(), cmd);
            assertTrue(sub.out().contains("Usage: duijie " + cmd), sub.out());
        }
        assertEquals(2, run("no-such-command").exit());
    }

    @Test
    void lexiconReportKeepsEveryTermWhole() {
        Run r = run("analyze", "--lexicon-report");
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().contains("(100.0%)"), r.out());
    }

    @Test
    void analyzeShowsLexiconTermsOverSmartcnPieces() {
        Run r = run("analyze", "氮化硅基板");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("氮化硅") && r.out().contains("lexicon"), r.out());
    }

    @Test
    void badUserLexiconIsReportedWithFileAndLine() throws IOException {
        Path lex = tmp.resolve("user.txt");
        Files.writeString(lex, "# ok\n新材料词\n两个 词\n", StandardCharsets.UTF_8);
        Run r = run("analyze", "--lexicon", lex.toString(), "新材料词");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains(lex + ":3"), r.err());
    }

    @Test
    void matchPrintsRankedHitsWithReasons() {
        Path index = tmp.resolve("index");
        Run r = run("match", "--no-embeddings", "--index", index.toString(), "--k", "3", "陶瓷基板", "导热");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains(" 1. ["), r.out());
        assertTrue(r.out().contains("关键词匹配"), r.out());
        Run bad = run("match", "--no-embeddings", "--index", index.toString(), "--kind", "institutions", "陶瓷");
        assertEquals(2, bad.exit());
    }
}
