package dev.duijie.analysis;

import dev.duijie.corpus.Problem;
import dev.duijie.corpus.TextLines;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The domain lexicon: terms the analyzer keeps whole. Terms are stored normalized the way smartcn normalizes text
 * (lower case, half-width, punctuation as ","), so matching works on the text rebuilt from smartcn's tokens.
 * Immutable; lookups are a walk down a character trie.
 */
public final class Lexicon {
    /** A lexicon line longer than this is rejected as a likely paste error. */
    public static final int MAX_TERM_CHARS = 32;

    private final Node root = new Node();
    private final Map<String, String> display = new LinkedHashMap<>();

    /** A trie node: children in parallel arrays sorted by character (no boxing on the hot path). */
    private static final class Node {
        char[] keys = new char[0];
        Node[] children = new Node[0];
        boolean terminal;

        Node child(char c) {
            int i = Arrays.binarySearch(keys, c);
            return i >= 0 ? children[i] : null;
        }

        Node addChild(char c) {
            int i = Arrays.binarySearch(keys, c);
            if (i >= 0) {
                return children[i];
            }
            int at = -i - 1;
            char[] k = new char[keys.length + 1];
            Node[] ch = new Node[keys.length + 1];
            System.arraycopy(keys, 0, k, 0, at);
            System.arraycopy(children, 0, ch, 0, at);
            k[at] = c;
            ch[at] = new Node();
            System.arraycopy(keys, at, k, at + 1, keys.length - at);
            System.arraycopy(children, at, ch, at + 1, keys.length - at);
            keys = k;
            children = ch;
            return ch[at];
        }
    }

    private Lexicon() {
    }

    /**
     * Builds a lexicon from term lists; each list is read with {@link TextLines} rules and problems (file:line) are
     * appended to {@code problems}. A bad line is skipped and reported, never silently.
     */
    static Lexicon build(List<Source> sources, List<Problem> problems) {
        Lexicon lexicon = new Lexicon();
        for (Source source : sources) {
            source.lines(problems, (line, text) -> {
                String term = text.strip();
                String why = invalidReason(term);
                if (why != null) {
                    problems.add(new Problem(Problem.Severity.ERROR, source.name(), line, null, why));
                    return;
                }
                String norm = normalize(term);
                if (norm.codePointCount(0, norm.length()) < 2) {
                    problems.add(new Problem(Problem.Severity.ERROR, source.name(), line, null,
                            "词条「" + term + "」少于 2 个字符"));
                    return;
                }
                lexicon.add(norm, term);
            });
        }
        return lexicon;
    }

    private static String invalidReason(String term) {
        if (term.length() > MAX_TERM_CHARS) {
            return "词条过长（" + term.length() + " 个字符，上限 " + MAX_TERM_CHARS + "），是否误粘贴了整段文字？";
        }
        for (int i = 0; i < term.length(); i++) {
            char c = term.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                return "词条中不能有空格或控制字符：「" + term + "」";
            }
        }
        if (!Tokens.hasLetterOrDigit(term)) {
            return "词条「" + term + "」不含文字";
        }
        return null;
    }

    private void add(String norm, String original) {
        Node n = root;
        for (int i = 0; i < norm.length(); i++) {
            n = n.addChild(norm.charAt(i));
        }
        n.terminal = true;
        display.putIfAbsent(norm, original);
    }

    /** End (exclusive) of the longest term starting at {@code start} in {@code text}, or -1. */
    int longestMatch(CharSequence text, int start) {
        Node n = root;
        int best = -1;
        for (int i = start; i < text.length(); i++) {
            n = n.child(text.charAt(i));
            if (n == null) {
                break;
            }
            if (n.terminal) {
                best = i + 1;
            }
        }
        return best;
    }

    /** Whether a normalized term is in the lexicon. */
    public boolean contains(String normalizedTerm) {
        return longestMatch(normalizedTerm, 0) == normalizedTerm.length() && !normalizedTerm.isEmpty();
    }

    /** Normalized terms in file order, mapped to the form first written in a lexicon file. */
    public Map<String, String> terms() {
        return Collections.unmodifiableMap(display);
    }

    public int size() {
        return display.size();
    }

    /**
     * A term as smartcn would leave it in running text: its tokens' texts concatenated (a space where smartcn
     * skips characters). Lexicon, synonym and stop-word entries all go through this, so they compare equal to
     * what the analyzer produces.
     */
    public static String normalize(String term) {
        try (Tokenizer t = new HMMChineseTokenizer()) {
            t.setReader(new StringReader(term));
            CharTermAttribute termAtt = t.addAttribute(CharTermAttribute.class);
            OffsetAttribute offsetAtt = t.addAttribute(OffsetAttribute.class);
            t.reset();
            StringBuilder sb = new StringBuilder();
            int prevEnd = -1;
            while (t.incrementToken()) {
                if (prevEnd >= 0 && offsetAtt.startOffset() > prevEnd) {
                    sb.append(' ');
                }
                sb.append(termAtt);
                prevEnd = offsetAtt.endOffset();
            }
            t.end();
            return sb.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A named list of lines: a classpath resource or a user file. */
    record Source(String name, IoSupplier open) {
        interface IoSupplier {
            InputStream get() throws IOException;
        }

        interface LineAction {
            void accept(int line, String text);
        }

        /** Non-comment, non-blank lines; unreadable lines and files are reported. */
        void lines(List<Problem> problems, LineAction action) {
            try (InputStream in = open.get()) {
                if (in == null) {
                    problems.add(new Problem(Problem.Severity.ERROR, name, 0, null, "文件不存在"));
                    return;
                }
                TextLines.forEach(in, 1 << 16, line -> {
                    if (line.error() != null) {
                        problems.add(new Problem(Problem.Severity.ERROR, name, line.number(), null, line.error()));
                    } else if (!line.text().isBlank() && !line.text().strip().startsWith("#")) {
                        action.accept(line.number(), line.text());
                    }
                });
            } catch (IOException e) {
                problems.add(new Problem(Problem.Severity.ERROR, name, 0, null, "无法读取：" + e.getMessage()));
            }
        }
    }
}
