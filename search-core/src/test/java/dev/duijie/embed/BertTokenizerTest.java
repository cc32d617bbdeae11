package dev.duijie.embed;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BertTokenizerTest {

    private static BertTokenizer tokenizer;

    @BeforeAll
    static void load() {
        tokenizer = BertTokenizer.bgeSmallZh();
    }

    private static List<String> tokens(String text) {
        return Arrays.stream(tokenizer.encode(text).ids()).mapToObj(tokenizer::token).toList();
    }

    @Test
    void readsTheBundledVocabulary() {
        assertEquals(21128, tokenizer.vocabSize());
        assertEquals(List.of("[CLS]", "[SEP]"), tokens(""));
        assertEquals(List.of("[CLS]", "[SEP]"), tokens(" \t\n"));
    }

    @Test
    void upperCaseLatinIsLowerCasedNotUnknown() {
        // tokenizer.json says lowercase: false, but the vocabulary is lower-case only.
        for (String word : List.of("IGBT", "SiC", "MES", "MOSFET")) {
            List<String> t = tokens(word);
            assertFalse(t.contains("[UNK]"), word + " → " + t);
            assertEquals(tokens(word.toLowerCase()), t);
        }
        assertEquals(tokens("cafe muller"), tokens("Café Müller"), "accents are stripped along with lower-casing");
    }

    @Test
    void everyCjkIdeographIsItsOwnToken() {
        assertEquals(List.of("[CLS]", "半", "导", "体", "器", "件", "[SEP]"), tokens("半导体器件"));
        assertEquals(List.of("[CLS]", "[UNK]", "[UNK]", "[SEP]"), tokens("𠀀𪚥"), "extension B, split then unknown");
    }

    @Test
    void wordsSplitIntoContinuationPieces() {
        List<String> t = tokens("tokenization");
        assertTrue(t.size() > 3 && t.subList(2, t.size() - 1).stream().allMatch(p -> p.startsWith("##")), t.toString());
        assertEquals("tokenization", String.join("", t.subList(1, t.size() - 1)).replace("##", ""));
    }

    @Test
    void punctuationAndAsciiSymbolsStandAlone() {
        assertEquals(List.of("[CLS]", "a", "+", "b", "/", "c", "，", "d", "[SEP]"), tokens("a+b/c，d"));
    }

    @Test
    void unknownOrOverlongWordsBecomeOneUnk() {
        assertEquals(List.of("[CLS]", "[UNK]", "[SEP]"), tokens("a".repeat(101)));
        assertEquals(List.of("[CLS]", "[UNK]", "[SEP]"), tokens("ab😀cd"), "no piece for the emoji: whole word");
    }

    @Test
    void specialTokensWrittenInTheTextStayWhole() {
        assertEquals(List.of("[CLS]", "abc", "[SEP]", "中", "[MASK]", "[SEP]"), tokens("abc[SEP]中[MASK]"));
    }

    @Test
    void truncatesTo512WithSepLast() {
        int[] ids = tokenizer.encode("中".repeat(1000)).ids();
        assertEquals(512, ids.length);
        assertEquals("[CLS]", tokenizer.token(ids[0]));
        assertEquals("中", tokenizer.token(ids[510]));
        assertEquals("[SEP]", tokenizer.token(ids[511]));
        BertTokenizer.Encoding e = tokenizer.encode("IGBT模块");
        assertEquals(e.length(), e.attentionMask().length);
        assertArrayEquals(new int[e.length()], e.tokenTypeIds());
        assertTrue(Arrays.stream(e.attentionMask()).allMatch(m -> m == 1));
    }
}
