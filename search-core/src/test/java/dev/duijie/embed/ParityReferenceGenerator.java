package dev.duijie.embed;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Writes {@code src/test/resources/embed/tokenizer-parity.jsonl}: varied texts with the ids that HuggingFace's
 * own tokenizer (Rust, through DJL) gives for the bundled tokenizer.json patched to {@code lowercase: true}.
 * Opt-in, and compiled only in the {@code regenerate-parity} profile, which brings DJL (see search-core's pom):
 * {@code mvn -pl search-core test -Dduijie.regenerateParity=true -Dtest=ParityReferenceGenerator}.
 */
@EnabledIfSystemProperty(named = "duijie.regenerateParity", matches = "true")
class ParityReferenceGenerator {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Escapes invisible characters in the JSON: reviewable, and no U+2028 or U+0085 for line-based tools. */
    private static final ObjectMapper VISIBLE = new ObjectMapper();

    static {
        VISIBLE.getFactory().setCharacterEscapes(new CharacterEscapes() {
            private final int[] ascii = standardAsciiEscapesForJSON();

            {
                ascii[0x7F] = ESCAPE_STANDARD;
            }

            @Override
            public int[] getEscapeCodesForAscii() {
                return ascii;
            }

            @Override
            public SerializableString getEscapeSequence(int c) {
                boolean invisible = switch (Character.getType(c)) {
                    case Character.CONTROL, Character.FORMAT, Character.PRIVATE_USE, Character.SPACE_SEPARATOR,
                         Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
                    default -> false;
                };
                return invisible ? new SerializedString(String.format("\\u%04x", c)) : null;
            }
        });
    }

    private static final String CORPUS = "/duijie/corpus/zhuzhou/";

    @Test
    void regenerate() throws IOException {
        Map<String, String> texts = new LinkedHashMap<>(); // text → kind; first kind wins
        corpusTexts(texts);
        handWritten(texts);

        Path patched = Files.createTempFile("bge-small-zh-tokenizer", ".json");
        try (InputStream in = getClass().getResourceAsStream(BgeSmallZh.TOKENIZER)) {
            assertNotNull(in, BgeSmallZh.TOKENIZER);
            ObjectNode json = (ObjectNode) JSON.readTree(in);
            ((ObjectNode) json.get("normalizer")).put("lowercase", true);
            JSON.writeValue(patched.toFile(), json);
        }
        Path out = Path.of(System.getProperty("basedir", "."), "src/test/resources/embed/tokenizer-parity.jsonl");
        Files.createDirectories(out.getParent());
        try (HuggingFaceTokenizer hf = HuggingFaceTokenizer.newInstance(patched,
                Map.of("truncation", "true", "maxLength", String.valueOf(BgeSmallZh.MAX_TOKENS)));
             Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            assertEquals(BgeSmallZh.MAX_TOKENS, hf.getMaxLength());
            for (Map.Entry<String, String> t : texts.entrySet()) {
                Encoding e = hf.encode(t.getKey());
                ObjectNode line = JSON.createObjectNode();
                line.put("kind", t.getValue());
                line.put("text", t.getKey());
                var ids = line.putArray("ids");
                for (long id : e.getIds()) {
                    ids.add((int) id);
                }
                w.write(VISIBLE.writeValueAsString(line));
                w.write('\n');
            }
        } finally {
            Files.deleteIfExists(patched);
        }
        System.out.printf("wrote %d texts to %s%n", texts.size(), out);
    }

    /** 120 lines of the bundled corpus: titles, and summaries / descriptions cut at various lengths. */
    private static void corpusTexts(Map<String, String> texts) throws IOException {
        int[] cuts = {12, 30, 57, 100, 180, Integer.MAX_VALUE};
        int n = 0;
        for (String file : List.of("results.jsonl", "needs.jsonl")) {
            List<JsonNode> records = readJsonl(CORPUS + file);
            int stride = records.size() / 30;
            for (int i = 0; i < 30; i++) {
                JsonNode r = records.get(i * stride + i % stride);
                texts.putIfAbsent(r.path("title").asText(), "corpus-title");
                String body = r.has("summary") ? r.path("summary").asText() : r.path("description").asText();
                int cut = cuts[n++ % cuts.length];
                texts.putIfAbsent(body.substring(0, Math.min(cut, body.length())), "corpus-text");
            }
        }
    }

    private static List<JsonNode> readJsonl(String resource) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (InputStream in = ParityReferenceGenerator.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isBlank()) {
                    out.add(JSON.readTree(line));
                }
            }
        }
        return out;
    }

    private static void handWritten(Map<String, String> texts) throws IOException {
        add(texts, "latin-mixed",
                "IGBT模块1200V", "SiC MOSFET", "RTK/BDS", "MES/PLM/CAE", "“OPC-UA”", "基于OPC-UA的MES系统集成",
                "5G+工业互联网", "PCB板AOI视觉检测", "Li-ion电池SOC估算", "CAN总线与EtherCAT", "GaN HEMT器件",
                "第3代半导体SiC器件耐压≥1700V", "ISO 9001:2015", "GB/T 19001-2016", "C++/C#/Python", "v1.2.3-beta",
                "state-of-the-art", "don't stop", "https://www.example.com/path?a=1&b=2", "test@duijie.dev",
                "IGBT igbt Igbt iGBT", "HELLO World", "BMS与EMS协同", "AGV/AMR调度", "PLC梯形图", "3D打印",
                "CT扫描", "DeepSeek大模型", "transformer-based NLP", "unaffable", "embeddings", "tokenization");
        add(texts, "numbers",
                "98.5%", "0.2 μm", "3300 V", "HV30", "±0.05°", "1.5 cm", "每秒10^6次", "20250101", "1,234,567.89",
                "3.14159", "温度≤85℃", "CO₂排放", "H₂O", "m² m³", "Ⅲ类 Ⅳ级", "①②③", "¥100 €50 $30 £20", "2×10⁻⁶",
                "1/4英寸", "30%~50%", "0.001", "100000000");
        add(texts, "full-width", "ＩＧＢＴ１２００Ｖ，（）", "ＳｉＣ　ＭＯＳＦＥＴ", "１２３４５", "全角：（括号）【方括号】",
                "ａｂｃ＠ｄｅｆ．ｃｏｍ");
        add(texts, "punctuation", "！？。，、；：“”‘’《》【】", "...", "---", "@#$%^&*()_+-=[]{}|\\;:'\",.<>/?`~",
                "……", "——", "·•°", "¿¡", "«»‹›", "〈〉「」『』〔〕");
        add(texts, "emoji", "😀🔋⚡", "储能⚡电池🔋很安全😀", "👨‍👩‍👧", "👍🏽", "🇨🇳", "❤️", "🥰🫠");
        add(texts, "rare-cjk", "𠀀 𠀁 𪚥 𫝀", "𠀀𠀁𪚥𫝀", "中𫠠𫠡文", "𬺰𬺱", "𰀀𰀁", "豈更車", "丽丸乁", "⼀⼆⼈",
                "囍龘靐齉", "〇一二三");
        add(texts, "accents", "Café Müller", "naïve résumé", "İstanbul", "ΣΊΣΥΦΟΣ ΟΔΟΣ", "Straße", "ﬁne ﬂow",
                "Ångström", "Đà Nẵng", "Crème brûlée", "Łódź", "Ørsted");
        add(texts, "scripts", "한국어 텍스트", "日本語のテキスト カタカナ ひらがな", "مرحبا بالعالم", "ภาษาไทย",
                "हिन्दी भाषा", "Привет МИР", "שלום", "ქართული", "Ελληνικά");
        add(texts, "control", "tab\tseparated\ttext", "line\nbreak\r\nwindows", "ctrl\u0001\u0002chars\u007f",
                "zero\u200bwidth", "nbsp\u00a0space", "ideographic\u3000space", "\ufeffBOM前缀", "soft\u00adhyphen",
                "nul\u0000char", "\ufffd替换字符", "vertical\u000btab\u000cfeed", "next\u0085line", "line\u2028sep",
                "private\ue000use", "narrow\u202fnbsp", "\u001cfile\u001fsep", "ZWJ\u200djoin", "LRM\u200eRTL\u200f",
                "半导体\t功率\n器件");
        add(texts, "edge", "", " ", "   ", "\t\n\r", "\u3000\u3000", "a", "中", "[CLS] 特殊 [SEP] tokens [MASK]",
                "[unused1]", "[PAD][UNK]", "[cls] lower", "abc[SEP]def", "[[SEP]]", "##", "##ing", "#5", "<S><T>");
        add(texts, "long-word", "a".repeat(100), "a".repeat(101), "中" + "b".repeat(150) + "文",
                "pneumonoultramicroscopicsilicovolcanoconiosis", "超长英文词Supercalifragilisticexpialidocious",
                "x1y2z3".repeat(20), "é".repeat(101), "ab".repeat(60) + " ok");
        // > 512 tokens: truncation keeps the first 510 pieces and [SEP].
        StringBuilder longText = new StringBuilder();
        for (JsonNode r : readJsonl(CORPUS + "results.jsonl").subList(0, 8)) {
            longText.append(r.path("title").asText()).append("：").append(r.path("summary").asText()).append(' ');
        }
        add(texts, "long", longText.toString(), "IGBT ".repeat(600), "中".repeat(520), "a".repeat(100) + " "
                + "SiC器件，".repeat(200));
    }

    private static void add(Map<String, String> texts, String kind, String... values) {
        for (String v : values) {
            texts.putIfAbsent(v, kind);
        }
    }
}
