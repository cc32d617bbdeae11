package dev.duijie.analysis;

import dev.duijie.corpus.Problem;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.duijie.analysis.TokenAssert.lexicon;
import static dev.duijie.analysis.TokenAssert.show;
import static dev.duijie.analysis.TokenAssert.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DomainAnalyzerTest {
    private final DomainAnalyzer plain = new DomainAnalyzer(lexicon("占位词"));
    private final DomainAnalyzer domain = new DomainAnalyzer(lexicon(
            "氮化硅", "基板", "氮化硅陶瓷基板", "锂电池", "氮化镓", "专精特新", "低轨", "永磁", "加计扣除", "光刻胶", "良率",
            "硬质合金", "梯度硬质合金", "MEMS", "IGBT", "SiC模块", "OPC-UA", "崩刃"));

    @Test
    void smartcnAloneSplitsTheDomainTerms() {
        assertEquals("氮化@0 硅@1", show(plain, "氮化硅"));
        assertEquals("专@0 精@1 特@2 新@3", show(plain, "专精特新"));
    }

    @Test
    void lexiconTermsAreEmittedWholeOverSmartcnPieces() {
        assertEquals("氮化@0 氮化硅@0+2:lexicon 硅@1", show(domain, "氮化硅"));
        assertEquals("基@0 基板@0+2:lexicon 板@1", show(domain, "基板"));
        assertEquals("锂@0 锂电池@0+2:lexicon 电池@1", show(domain, "锂电池"));
        assertEquals("氮化@0 氮化镓@0+2:lexicon 镓@1", show(domain, "氮化镓"));
        assertEquals("专@0 专精特新@0+4:lexicon 精@1 特@2 新@3", show(domain, "专精特新"));
        assertEquals("低@0 低轨@0+2:lexicon 轨@1", show(domain, "低轨"));
        assertEquals("永@0 永磁@0+2:lexicon 磁@1", show(domain, "永磁"));
        assertEquals("加@0 加计扣除@0+3:lexicon 计@1 扣除@2", show(domain, "加计扣除"));
        assertEquals("光@0 光刻胶@0+3:lexicon 刻@1 胶@2", show(domain, "光刻胶"));
        assertEquals("良@0 良率@0+2:lexicon 率@1", show(domain, "良率"));
    }

    @Test
    void aTermSmartcnKeepsWholeIsRetypedNotDuplicated() {
        assertEquals("硬质合金@0:lexicon", show(domain, "硬质合金"));
        assertEquals("mems@0:lexicon 传感器@1", show(domain, "MEMS传感器"));
    }

    @Test
    void longestMatchWinsAndNestedTermsAreKept() {
        // 氮化硅陶瓷基板 is the longest from 氮; 氮化硅 is shorter at the same start so not taken; 基板 starts later.
        String s = show(domain, "高导热氮化硅陶瓷基板");
        assertTrue(s.contains("氮化硅陶瓷基板@2+5:lexicon"), s);
        assertTrue(!s.contains("氮化硅@"), s);
        assertTrue(s.contains("基板@5+2:lexicon"), s);
        // Nested: 硬质合金 inside 梯度硬质合金, both indexed.
        String g = show(domain, "梯度硬质合金刀片");
        assertTrue(g.contains("梯度硬质合金@0+2:lexicon") && g.contains("硬质合金@1:lexicon"), g);
    }

    @Test
    void overlappingTermsAreBothEmitted() {
        DomainAnalyzer overlap = new DomainAnalyzer(lexicon("氮化硅", "硅基板"));
        String s = show(overlap, "氮化硅基板");
        assertTrue(s.contains("氮化硅@0+2:lexicon") && s.contains("硅基板@1+3:lexicon"), s);
    }

    @Test
    void latinIsCaseFoldedNotStemmedAndFullWidthFolded() {
        assertEquals("mems@0:lexicon", show(domain, "MEMS"));
        assertEquals("igbt@0:lexicon 模块@1", show(domain, "ＩＧＢＴ模块"));
        assertEquals("sic@0 sic模块@0+2:lexicon 模块@1", show(domain, "SiC模块"));
        assertEquals("bearings@0", show(domain, "Bearings"));
        assertEquals("opc@0 opc,ua@0+3:lexicon ua@2", show(domain, "OPC-UA"));
    }

    @Test
    void numbersWithUnitsStaySearchable() {
        assertEquals("1200@0 1200v@0+2:alnum v@1", show(domain, "1200V"));
        assertEquals("3300@0 3300v@0+2:alnum v@1", show(domain, "3300 V"));
        assertEquals("5@0 5g@0+2:alnum g@1", show(domain, "5G"));
        assertEquals("28@0 28nm@0+2:alnum nm@1", show(domain, "28nm"));
        assertEquals(show(domain, "1200V"), show(domain, "１２００Ｖ"), "full-width folds like half-width");
        String model = show(domain, "IGBT1200V模块");
        assertTrue(model.contains("igbt1200v@0+3:alnum") && model.contains("1200v@1+2:alnum"), model);
        assertEquals("hv@0 hv30@0+2:alnum 30@1 2050@2", show(domain, "HV30 2050"));
    }

    @Test
    void mixedChineseLatinText() {
        String s = show(domain, "采用SiC模块的1200V牵引变流器，良率98%");
        assertTrue(s.contains("sic模块@1+2:lexicon"), s);
        assertTrue(s.contains("1200v@"), s);
        assertTrue(s.contains("良率@"), s);
        assertTrue(!s.contains(","), "punctuation removed: " + s);
    }

    @Test
    void punctuationOnlyAndEmptyInputGiveNoTokens() {
        assertEquals("", show(domain, ""));
        assertEquals("", show(domain, "，。！？、；：“”（）——……"));
        assertEquals("", show(domain, "   \n\t "));
    }

    @Test
    void emojiAndRareCjkExtensionCharactersStayWhole() {
        // U+20000 and U+20001 (CJK Extension B) are surrogate pairs; each must stay one token, never half of one.
        List<TokenAssert.Tok> t = tokens(domain, "𠀀𠀁汉字😀表情");
        assertEquals(List.of("𠀀", "𠀁", "汉字", "😀", "表情"), t.stream().map(TokenAssert.Tok::term).toList());
        for (TokenAssert.Tok tok : t) {
            assertTrue(!Character.isSurrogate(tok.term().charAt(0)) || tok.term().codePointCount(0, tok.term().length()) == 1);
        }
    }

    @Test
    void oneMegabyteInputIsAnalyzedCompletely() {
        String unit = "高导热氮化硅陶瓷基板用于IGBT模块，1200V。";
        StringBuilder sb = new StringBuilder();
        while (sb.length() < (1 << 20) / 3) {
            sb.append(unit);
        }
        List<TokenAssert.Tok> t = tokens(domain, sb.toString());
        long whole = t.stream().filter(x -> x.term().equals("氮化硅陶瓷基板")).count();
        assertEquals(sb.length() / unit.length(), whole);
        assertEquals(sb.length(), t.get(t.size() - 1).end() + 1, "last token ends before the final 。");
    }

    @Test
    void badLexiconLinesAreReportedWithFileAndLine() {
        List<Problem> problems = new ArrayList<>();
        Lexicon lex = Lexicon.build(List.of(TokenAssert.source("user.txt",
                "# comment\n氮化硅\n两个 词\n" + "长".repeat(40) + "\n硅\n！！\n\n碳化硅\n")), problems);
        assertEquals(List.of("user.txt:3", "user.txt:4", "user.txt:5", "user.txt:6"),
                problems.stream().map(p -> p.file() + ":" + p.line()).toList());
        assertEquals(2, lex.size());
    }

    @Test
    void invalidUtf8InALexiconFileIsReported() {
        List<Problem> problems = new ArrayList<>();
        byte[] bad = {(byte) 0xE6, (byte) 0xB0, '\n'};
        byte[] good = "碳化硅\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(bad, bad.length + good.length);
        System.arraycopy(good, 0, bytes, bad.length, good.length);
        Lexicon lex = Lexicon.build(List.of(new Lexicon.Source("gbk.txt", () -> new java.io.ByteArrayInputStream(bytes))), problems);
        assertEquals(List.of("gbk.txt:1"), problems.stream().map(p -> p.file() + ":" + p.line()).toList());
        assertTrue(lex.contains("碳化硅"));
    }
}
