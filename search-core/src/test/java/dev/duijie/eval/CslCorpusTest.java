package dev.duijie.eval;

import dev.duijie.corpus.Corpus;
import dev.duijie.corpus.CorpusLoader;
import dev.duijie.corpus.Judgment;
import dev.duijie.corpus.LoadReport;
import dev.duijie.corpus.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class CslCorpusTest {
    @TempDir
    Path dir;

    private static final String HEADER = "id\tsplit\tcategory\tdiscipline\ttitle\tkeywords\tabstract\n";
    private static final String FIXTURE = HEADER
            + "csl-x-1\tdev\t工学\t材料科学与工程\t梯度硬质合金涂层刀片的研究\t硬质合金_涂层_刀片"
            + "\t研究了梯度硬质合金。结果表明寿命提高2.5倍.\n"
            // Keywords joined by spaces; ASCII periods inside ".OH" and "0.5" must not end the sentence.
            + "csl-x-2\tdev\t农学\t食品科学与工程\t大豆肽的抗氧化作用\t大豆肽 抗氧化 羟基自由基(.OH)"
            + "\t研究大豆肽对.OH的清除作用,浓度为0.5mg/mL.结果表明效果显著.\n"
            // No sentence end at all: left out of firstsentence-rest.
            + "csl-x-3\tdev\t理学\t数学\t一种方法\t方法_介绍\t本文介绍一种方法,没有句末标点\n"
            // Underscore-joined keywords that themselves contain spaces.
            + "csl-x-4\tdev\t农学\t畜牧学\t畜牧废弃物处理\tAnimal Production_畜牧业\t讨论畜牧业废弃物！提出对策。\n";

    private Path fixture() throws IOException {
        Path tsv = dir.resolve("csl_dev.tsv");
        Files.writeString(tsv, FIXTURE, StandardCharsets.UTF_8);
        return tsv;
    }

    private static Corpus loadClean(Path corpusDir) {
        LoadReport report = CorpusLoader.load(corpusDir);
        assertEquals(List.of(), report.problems(), corpusDir.toString());
        return report.corpus();
    }

    private static Map<String, String> qrels(Corpus corpus) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Judgment j : corpus.judgments()) {
            assertEquals(3, j.grade());
            assertEquals(null, out.put(j.qid(), j.docId()), "one relevant paper per query");
        }
        return out;
    }

    @Test
    void keywordsPaper() throws IOException {
        CslCorpus.Converted out = CslCorpus.convert(fixture(), dir.resolve("out"));
        assertEquals(4, out.papers());
        assertEquals(dir.resolve("out/keywords-paper"), out.dir(CslCorpus.Style.KEYWORDS_PAPER));
        Corpus c = loadClean(out.dir(CslCorpus.Style.KEYWORDS_PAPER));

        assertEquals(List.of("csl-x-1", "csl-x-2", "csl-x-3", "csl-x-4"), c.results().stream().map(Result::id).toList());
        Result r1 = c.result("csl-x-1").orElseThrow();
        assertEquals("梯度硬质合金涂层刀片的研究", r1.title());
        assertEquals("研究了梯度硬质合金。结果表明寿命提高2.5倍.", r1.summary());
        assertEquals("材料科学与工程", r1.industry());
        assertEquals(List.of(), r1.keywords(), "keywords are the query: they must not be in the result");

        assertEquals(Map.of("K-1", "硬质合金 涂层 刀片", "K-2", "大豆肽 抗氧化 羟基自由基(.OH)",
                "K-3", "方法 介绍", "K-4", "Animal Production 畜牧业"), c.queries());
        assertEquals(Map.of("K-1", "csl-x-1", "K-2", "csl-x-2", "K-3", "csl-x-3", "K-4", "csl-x-4"), qrels(c));
        assertEquals(4, out.queries().get(CslCorpus.Style.KEYWORDS_PAPER));
        assertEquals(0, out.skipped().get(CslCorpus.Style.KEYWORDS_PAPER));
    }

    @Test
    void titleAbstractHidesTheTitle() throws IOException {
        CslCorpus.Converted out = CslCorpus.convert(fixture(), dir.resolve("out"));
        Corpus c = loadClean(out.dir(CslCorpus.Style.TITLE_ABSTRACT));
        assertEquals(4, c.results().size());
        for (Result r : c.results()) {
            assertTrue(r.title().matches("论文 \\d"), r.title());
        }
        assertEquals("梯度硬质合金涂层刀片的研究", c.queries().get("T-1"));
        assertEquals("畜牧废弃物处理", c.queries().get("T-4"));
        assertEquals("研究了梯度硬质合金。结果表明寿命提高2.5倍.", c.result("csl-x-1").orElseThrow().summary());
        assertEquals(Map.of("T-1", "csl-x-1", "T-2", "csl-x-2", "T-3", "csl-x-3", "T-4", "csl-x-4"), qrels(c));
    }

    @Test
    void firstSentenceRestSplitsAndSkipsPapersWithoutRest() throws IOException {
        CslCorpus.Converted out = CslCorpus.convert(fixture(), dir.resolve("out"));
        Corpus c = loadClean(out.dir(CslCorpus.Style.FIRSTSENTENCE_REST));
        assertEquals(1, out.skipped().get(CslCorpus.Style.FIRSTSENTENCE_REST));
        assertEquals(3, out.queries().get(CslCorpus.Style.FIRSTSENTENCE_REST));
        assertEquals(List.of("csl-x-1", "csl-x-2", "csl-x-4"), c.results().stream().map(Result::id).toList());

        assertEquals(Map.of("S-1", "研究了梯度硬质合金。", "S-2", "研究大豆肽对.OH的清除作用,浓度为0.5mg/mL.",
                "S-4", "讨论畜牧业废弃物！"), c.queries());
        assertEquals("结果表明寿命提高2.5倍.", c.result("csl-x-1").orElseThrow().summary());
        assertEquals("结果表明效果显著.", c.result("csl-x-2").orElseThrow().summary());
        assertEquals("提出对策。", c.result("csl-x-4").orElseThrow().summary());
        assertFalse(c.result("csl-x-1").orElseThrow().title().contains("硬质合金"));
        assertEquals(Map.of("S-1", "csl-x-1", "S-2", "csl-x-2", "S-4", "csl-x-4"), qrels(c));
    }

    @Test
    void sentenceEnds() {
        assertEquals("研究了。".length(), CslCorpus.firstSentenceEnd("研究了。其余"));
        assertEquals(-1, CslCorpus.firstSentenceEnd("没有句末"));
        assertEquals(-1, CslCorpus.firstSentenceEnd("末尾的点不算分句."));
        assertEquals("提高2.5倍.".length(), CslCorpus.firstSentenceEnd("提高2.5倍.结果"));
        assertEquals("采用PCR.".length(), CslCorpus.firstSentenceEnd("采用PCR.“结果”"));
        assertEquals(-1, CslCorpus.firstSentenceEnd("Fig. 1 and e.g. this"));
    }

    @Test
    void malformedRowIsReportedWithItsLine() throws IOException {
        Path tsv = dir.resolve("bad.tsv");
        Files.writeString(tsv, HEADER + "csl-x-1\tdev\t工学\t数学\t标题\t关键词\n", StandardCharsets.UTF_8);
        IOException e = assertThrows(IOException.class, () -> CslCorpus.convert(tsv, dir.resolve("out")));
        assertTrue(e.getMessage().contains("bad.tsv:2"), e.getMessage());

        Files.writeString(tsv, "id\ttitle\n", StandardCharsets.UTF_8);
        e = assertThrows(IOException.class, () -> CslCorpus.convert(tsv, dir.resolve("out")));
        assertTrue(e.getMessage().contains("abstract") || e.getMessage().contains("discipline"), e.getMessage());
    }

    @Test
    void locateLooksOneAndTwoLevelsUp() throws IOException {
        Path checkout = Files.createDirectories(dir.resolve("work/main/search-core"));
        assertEquals(Optional.empty(), CslCorpus.locate(checkout));
        Path file = dir.resolve("work").resolve(CslCorpus.RELATIVE_PATH);
        Files.createDirectories(file.getParent());
        Files.writeString(file, HEADER);
        assertEquals(Optional.of(file), CslCorpus.locate(dir.resolve("work/main")));
        assertEquals(Optional.of(file), CslCorpus.locate(checkout));
    }

    @Test
    void realFile() throws IOException {
        Optional<Path> tsv = CslCorpus.locate();
        assumeTrue(tsv.isPresent(), "shared/data/csl-dev/csl_dev.tsv absent, skipping");
        CslCorpus.Converted out = CslCorpus.convert(tsv.get(), dir);
        assertEquals(1000, out.papers());
        Corpus keywords = loadClean(out.dir(CslCorpus.Style.KEYWORDS_PAPER));
        assertEquals(1000, keywords.results().size());
        assertEquals(out.queries().get(CslCorpus.Style.KEYWORDS_PAPER), keywords.queries().size());
        for (CslCorpus.Style style : CslCorpus.Style.values()) {
            Corpus c = loadClean(out.dir(style));
            assertEquals(out.queries().get(style), c.judgments().size(), style.dirName());
            assertEquals(1000, out.queries().get(style) + out.skipped().get(style), style.dirName());
        }
        // Most CSL abstracts end sentences with an ASCII period; with 。！？ alone most papers would be skipped.
        assertTrue(out.skipped().get(CslCorpus.Style.FIRSTSENTENCE_REST) < 200, out.skipped().toString());

        // Smoke run of the baseline, printed for the record.
        EvalReport report = new EvalReport("csl-dev");
        for (CslCorpus.Style style : CslCorpus.Style.values()) {
            Corpus c = CorpusLoader.load(out.dir(style)).corpus();
            try (BaselineRanker baseline = new BaselineRanker(c)) {
                EvalResult r = new Evaluator(c).evaluate("baseline/" + style.dirName(), baseline);
                assertEquals(0, r.noAnswerTotal());
                assertTrue(r.scores(null, null).mrr10() > 0.3, style + " MRR@10 " + r.scores(null, null));
                report.add(r);
            }
        }
        report.printTable(new PrintWriter(System.out, true, StandardCharsets.UTF_8));
    }
}
