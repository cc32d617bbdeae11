package dev.duijie.corpus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CorpusLoaderTest {

    @TempDir
    Path dir;

    private static final String INSTITUTIONS = """
            {"id":"inst-a","name":"甲大学","type":"高校","city":"长沙"}
            {"id":"inst-b","name":"乙研究所"}
            """;
    private static final String EXPERTS = """
            {"id":"E1","name":"张三","institution":"inst-a","title":"教授","areas":["硬质合金"],"bio":"从事硬质合金研究。"}
            {"id":"E2","name":"李四","institution":"inst-b"}
            """;
    private static final String RESULTS = """
            {"id":"R1","title":"梯度硬质合金涂层刀片","summary":"CVD 涂层，寿命提高 2 倍。","keywords":["硬质合金","CVD"],"industry":"先进硬质材料","institution":"inst-a","team":["E1"],"trl":6,"ipType":"发明专利","transferModes":["许可"],"date":"2024-05-01"}
            {"id":"R2","title":"氮化硅陶瓷基板","summary":"导热 85 W/(m·K)。"}
            """;
    private static final String NEEDS = """
            {"id":"N1","title":"刀片崩刃","description":"我们的刀片用不了多久就崩刃。","region":"荷塘区","budgetWan":50,"requiredTrl":6,"deadline":"2027-06-30"}
            {"id":"N2","description":"只有描述也可以。"}
            """;

    private void write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private void writeValid() throws IOException {
        write("institutions.jsonl", INSTITUTIONS);
        write("experts.jsonl", EXPERTS);
        write("results.jsonl", RESULTS);
        write("needs.jsonl", NEEDS);
        write("eval/queries.tsv", "# staff queries\nQ1\t硬质合金刀片\n");
        write("eval/qrels.tsv", "N1\tR1\t3\nQ1\tR1\t2\nN1\tE1\t2\n");
    }

    /** The problems as {@code fileName:line field} strings, for compact assertions. */
    private static List<String> where(LoadReport report) {
        return report.problems().stream()
                .map(p -> Path.of(p.file()).getFileName() + ":" + p.line() + (p.field() == null ? "" : " " + p.field()))
                .toList();
    }

    @Test
    void validCorpusLoadsEveryRecordAndField() throws IOException {
        writeValid();
        LoadReport report = CorpusLoader.load(dir);
        assertEquals(List.of(), report.problems());
        Corpus c = report.corpus();
        assertEquals(2, c.results().size());
        assertEquals(2, c.needs().size());
        assertEquals(2, c.experts().size());
        assertEquals(2, c.institutions().size());
        Result r1 = c.result("R1").orElseThrow();
        assertEquals(List.of("硬质合金", "CVD"), r1.keywords());
        assertEquals(6, r1.trl());
        assertEquals(java.time.LocalDate.of(2024, 5, 1), r1.date());
        assertEquals(List.of("E1"), r1.team());
        assertEquals(50.0, c.need("N1").orElseThrow().budgetWan());
        assertEquals("只有描述也可以。", c.need("N2").orElseThrow().text());
        assertEquals("硬质合金刀片", c.queries().get("Q1"));
        assertEquals(3, c.judgments().size());
        assertTrue(report.summary().startsWith("results 2, needs 2, experts 2, institutions 2, queries 1, qrels 3"));
    }

    @Test
    void everyProblemIsReportedWithFileLineAndField() throws IOException {
        writeValid();
        write("results.jsonl", RESULTS + String.join("\n",
                "{\"id\":\"R3\",\"title\":\"缺摘要\"}",                                        // 3 missing summary
                "not json at all",                                                              // 4 not JSON
                "{\"id\":\"R4\",\"title\":\"T\",\"summary\":\"S\",\"trl\":12}",                // 5 trl out of range
                "{\"id\":\"R5\",\"title\":\"T\",\"summary\":\"S\",\"trl\":\"6\"}",             // 6 wrong type
                "{\"id\":\"R1\",\"title\":\"T\",\"summary\":\"S\"}",                           // 7 duplicate id
                "{\"id\":\"R6\",\"title\":\"T\",\"summary\":\"S\",\"team\":[\"E9\"]}",         // 8 dangling team
                "{\"id\":\"R7\",\"title\":\"T\",\"summary\":\"S\",\"institution\":\"inst-x\"}", // 9 dangling institution
                "{\"id\":\"R8\",\"title\":\"T\",\"summary\":\"S\",\"date\":\"2024-02-30\"}",   // 10 invalid date
                "{\"id\":\"R9\",\"title\":\"T\",\"summary\":\"" + "长".repeat(Limits.MAX_LONG_TEXT_CHARS + 1) + "\"}", // 11 too long
                "[1,2,3]",                                                                      // 12 not an object
                "{\"id\":\"R10\",\"title\":\"T\",\"title\":\"U\",\"summary\":\"S\"}",          // 13 duplicate key
                "{\"id\":\"bad id/..\",\"title\":\"T\",\"summary\":\"S\"}",                    // 14 hostile id
                "{\"id\":\"R11\",\"title\":\"\",\"summary\":null}",                            // 15 empty + null = absent
                "{\"id\":\"R12\",\"title\":\"T\",\"summary\":\"S\",\"keywords\":\"硬质合金\"}", // 16 list expected
                "{\"id\":\"R13\",\"title\":\"T\",\"summary\":\"S\",\"date\":\"2024/05/01\"}",  // 17 date format
                "{\"id\":\"R14\",\"title\":\"T\",\"summary\":\"S\"} trailing"                   // 18 trailing tokens
        ) + "\n");
        write("needs.jsonl", NEEDS + String.join("\n",
                "{\"id\":\"N3\"}",                                                              // 3 neither title nor description
                "{\"id\":\"N4\",\"title\":\"T\",\"budgetWan\":-5}",                             // 4 negative budget
                "{\"id\":\"N5\",\"title\":\"T\",\"requiredTrl\":0}"                             // 5 trl out of range
        ) + "\n");
        write("eval/qrels.tsv", "N1\tR1\t3\nN1\tR404\t2\nNX\tR1\t1\nN1\tR2\t7\nN1\tR1\t1\nonly-one-column\n");

        LoadReport report = CorpusLoader.load(dir);
        List<String> where = where(report);
        List<String> expected = List.of(
                "results.jsonl:3 summary", "results.jsonl:4", "results.jsonl:5 trl", "results.jsonl:6 trl",
                "results.jsonl:7 id", "results.jsonl:8 team", "results.jsonl:9 institution", "results.jsonl:10 date",
                "results.jsonl:11 summary", "results.jsonl:12", "results.jsonl:13", "results.jsonl:14 id",
                "results.jsonl:15 title", "results.jsonl:15 summary", "results.jsonl:16 keywords",
                "results.jsonl:17 date", "results.jsonl:18",
                "needs.jsonl:3 title", "needs.jsonl:4 budgetWan", "needs.jsonl:5 requiredTrl",
                "qrels.tsv:2 docId", "qrels.tsv:3 qid", "qrels.tsv:4 grade", "qrels.tsv:5", "qrels.tsv:6");
        assertEquals(expected, where, () -> String.join("\n", report.problems().stream().map(Problem::toString).toList()));
        assertTrue(report.problems().stream().allMatch(p -> p.severity() == Problem.Severity.ERROR));
        // Rejected rows are reported, never silently dropped: read = accepted + rows with errors.
        assertEquals(18, report.rowsRead().get("results.jsonl"));
        assertEquals(2, report.corpus().results().size());
        assertEquals(2, report.corpus().needs().size());
        assertEquals(1, report.corpus().judgments().size());
    }

    @Test
    void invalidUtf8IsReportedPerLineAndOtherLinesStillLoad() throws IOException {
        writeValid();
        byte[] gbk = "{\"id\":\"R3\",\"title\":\"氮化硅\",\"summary\":\"陶瓷\"}\n".getBytes(Charset.forName("GBK"));
        byte[] good = RESULTS.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[good.length + gbk.length];
        System.arraycopy(good, 0, all, 0, good.length);
        System.arraycopy(gbk, 0, all, good.length, gbk.length);
        Files.write(dir.resolve("results.jsonl"), all);
        LoadReport report = CorpusLoader.load(dir);
        assertEquals(List.of("results.jsonl:3"), where(report));
        assertTrue(report.problems().get(0).message().contains("UTF-8"));
        assertEquals(2, report.corpus().results().size());
    }

    @Test
    void bomAndCrlfAreTolerated() throws IOException {
        writeValid();
        write("results.jsonl", "\uFEFF" + RESULTS.replace("\n", "\r\n"));
        LoadReport report = CorpusLoader.load(dir);
        assertEquals(List.of(), report.problems());
        assertEquals("梯度硬质合金涂层刀片", report.corpus().result("R1").orElseThrow().title());
    }

    @Test
    void hugeLineIsReportedWithoutReadingIt() throws IOException {
        writeValid();
        String huge = "{\"id\":\"R3\",\"title\":\"T\",\"summary\":\"" + "x".repeat(Limits.MAX_LINE_BYTES) + "\"}";
        write("results.jsonl", RESULTS + huge + "\n{\"id\":\"R4\",\"title\":\"T\",\"summary\":\"S\"}\n");
        LoadReport report = CorpusLoader.load(dir);
        assertEquals(List.of("results.jsonl:3"), where(report));
        assertTrue(report.corpus().result("R4").isPresent(), "the line after a huge line is still read");
    }

    @Test
    void deeplyNestedJsonIsAnErrorNotACrash() throws IOException {
        writeValid();
        write("results.jsonl", RESULTS + "[".repeat(5000) + "]".repeat(5000) + "\n");
        LoadReport report = CorpusLoader.load(dir);
        assertEquals(List.of("results.jsonl:3"), where(report));
    }

    @Test
    void emptyAndMissingFiles() throws IOException {
        LoadReport none = CorpusLoader.load(dir.resolve("nope"));
        assertTrue(none.hasErrors());
        assertEquals(0, none.corpus().results().size());

        LoadReport noResults = CorpusLoader.load(dir);
        assertEquals(List.of("results.jsonl:0"), where(noResults));

        write("results.jsonl", "");
        LoadReport empty = CorpusLoader.load(dir);
        assertFalse(empty.hasErrors(), "an empty results file is an empty corpus, not an error");
        assertEquals(0, empty.corpus().results().size());
    }

    @Test
    void unknownFieldsWarnOncePerFieldAndKeepTheRecord() throws IOException {
        writeValid();
        write("institutions.jsonl", INSTITUTIONS.replace("\"city\":\"长沙\"", "\"city\":\"长沙\",\"rank\":1")
                .replace("\"name\":\"乙研究所\"", "\"name\":\"乙研究所\",\"rank\":2"));
        LoadReport report = CorpusLoader.load(dir);
        assertFalse(report.hasErrors());
        assertEquals(List.of("institutions.jsonl:1 rank"), where(report));
        assertTrue(report.problems().get(0).message().contains("共 2 行"));
        assertEquals(2, report.corpus().institutions().size());
    }

    @Test
    void referencesAreOnlyWarnedAboutWhenTheTargetFileIsAbsent() throws IOException {
        write("results.jsonl", RESULTS);
        LoadReport report = CorpusLoader.load(dir);
        assertFalse(report.hasErrors());
        assertEquals(List.of("results.jsonl:1 institution", "results.jsonl:1 team"), where(report));
        assertEquals(2, report.corpus().results().size());
    }

    @Test
    void aRejectedExpertMakesReferencesToItDangling() throws IOException {
        writeValid();
        write("experts.jsonl", EXPERTS.replace("\"name\":\"张三\",", ""));
        LoadReport report = CorpusLoader.load(dir);
        // E1 rejected → R1 (team E1) rejected → every judgment naming R1 or E1 rejected, each reported.
        assertEquals(List.of("experts.jsonl:1 name", "results.jsonl:1 team", "qrels.tsv:1 docId", "qrels.tsv:2 docId",
                "qrels.tsv:3 docId"), where(report));
    }
}
