package dev.duijie.eval;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.duijie.corpus.Limits;
import dev.duijie.corpus.TextLines;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the CSL dev split (1,000 Chinese papers, see {@code shared/data/csl-dev/SOURCE.md}) into three known-item
 * corpora in the Duijie format, at run time. The file is for evaluation only: nothing derived from it may be
 * committed, so the output goes to a directory the caller chooses (a temp directory or {@code target/}).
 *
 * <p>Every query has exactly one relevant paper (grade 3); results carry only what the style allows, so the query
 * text is never copied into the indexed text:
 * <ul>
 *   <li>{@code keywords-paper}: query = the paper's keywords; result = title + abstract.</li>
 *   <li>{@code title-abstract}: query = the title; result = the abstract under a neutral title ("论文 n").</li>
 *   <li>{@code firstsentence-rest}: query = the abstract's first sentence; result = the rest of the abstract
 *       under a neutral title. Papers with nothing after the first sentence are left out.</li>
 * </ul>
 * Result ids are the CSL ids, {@code industry} is the discipline; qids are {@code K-n}, {@code T-n}, {@code S-n}
 * with n the 1-based data row.
 *
 * <p>Sentence ends are 。！？ and also ASCII {@code . ! ?} directly followed by a Chinese character or an
 * opening full-width quote or bracket: most CSL abstracts use ASCII punctuation ("方法.仿真结果表明"), and the
 * rule keeps decimals (2.5) and formulas (.OH) whole.
 */
public final class CslCorpus {
    /** Where the file lives, relative to the directory that holds the project checkout. */
    public static final String RELATIVE_PATH = "shared/data/csl-dev/csl_dev.tsv";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> COLUMNS = List.of("id", "discipline", "title", "keywords", "abstract");

    /** The three corpus styles, each written to a subdirectory named {@link #dirName()}. */
    public enum Style {
        KEYWORDS_PAPER("keywords-paper", "K-"),
        TITLE_ABSTRACT("title-abstract", "T-"),
        FIRSTSENTENCE_REST("firstsentence-rest", "S-");

        private final String dirName;
        private final String qidPrefix;

        Style(String dirName, String qidPrefix) {
            this.dirName = dirName;
            this.qidPrefix = qidPrefix;
        }

        public String dirName() {
            return dirName;
        }

        String qid(int row) {
            return qidPrefix + row;
        }
    }

    /**
     * What {@link #convert} wrote.
     *
     * @param dirs    style → corpus directory, in {@link Style} order
     * @param papers  data rows read
     * @param queries style → queries written (one relevant paper each)
     * @param skipped style → papers without a query: empty keywords, a query over
     *                {@link Limits#MAX_SHORT_TEXT_CHARS}, or (firstsentence-rest) nothing after the first sentence
     */
    public record Converted(Map<Style, Path> dirs, int papers, Map<Style, Integer> queries,
                            Map<Style, Integer> skipped) {
        public Converted {
            dirs = inStyleOrder(dirs);
            queries = inStyleOrder(queries);
            skipped = inStyleOrder(skipped);
        }

        private static <V> Map<Style, V> inStyleOrder(Map<Style, V> map) {
            Map<Style, V> copy = new EnumMap<>(Style.class);
            copy.putAll(map);
            return Collections.unmodifiableMap(copy);
        }

        public Path dir(Style style) {
            return dirs.get(style);
        }
    }

    private record Paper(int row, String id, String discipline, String title, String keywords, String summary) {
    }

    /** One query and its paper's result in one style. */
    private record Item(String query, String title, String summary) {
    }

    private CslCorpus() {
    }

    /**
     * The CSL file, looked up as {@code ../shared/…} and {@code ../../shared/…} from the working directory (the
     * checkout root, or a module directory when Maven runs tests); empty when absent.
     */
    public static Optional<Path> locate() {
        return locate(Path.of("").toAbsolutePath());
    }

    static Optional<Path> locate(Path workingDir) {
        for (String up : List.of("..", "../..")) {
            Path p = workingDir.resolve(up).resolve(RELATIVE_PATH).normalize();
            if (Files.isRegularFile(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * Reads {@code tsv} (UTF-8, header row, tab-separated, columns found by name) and writes the three corpora
     * under {@code outDir}, replacing their files if present.
     *
     * @throws IOException on a read or write failure, or a malformed row (named by line)
     */
    public static Converted convert(Path tsv, Path outDir) throws IOException {
        List<Paper> papers = read(tsv);
        Map<Style, Path> dirs = new EnumMap<>(Style.class);
        Map<Style, Integer> queries = new EnumMap<>(Style.class);
        Map<Style, Integer> skipped = new EnumMap<>(Style.class);
        for (Style style : Style.values()) {
            Path dir = outDir.resolve(style.dirName());
            Files.createDirectories(dir);
            int written = write(style, papers, dir);
            dirs.put(style, dir);
            queries.put(style, written);
            skipped.put(style, papers.size() - written);
        }
        return new Converted(dirs, papers.size(), queries, skipped);
    }

    private static int write(Style style, List<Paper> papers, Path dir) throws IOException {
        int written = 0;
        try (Writer results = writer(dir.resolve("results.jsonl"));
             Writer queries = writer(dir.resolve("queries.tsv"));
             Writer qrels = writer(dir.resolve("qrels.tsv"))) {
            for (Paper p : papers) {
                Item item = item(style, p);
                boolean hasQuery = item != null && !item.query().isEmpty()
                        && item.query().length() <= Limits.MAX_SHORT_TEXT_CHARS;
                // keywords-paper keeps every paper as a distractor; the others have no text for a paper without one.
                if (item == null || (!hasQuery && style != Style.KEYWORDS_PAPER)) {
                    continue;
                }
                ObjectNode r = JSON.createObjectNode();
                r.put("id", p.id());
                r.put("title", item.title());
                r.put("summary", item.summary());
                if (!p.discipline().isEmpty()) {
                    r.put("industry", p.discipline());
                }
                results.write(JSON.writeValueAsString(r));
                results.write('\n');
                if (hasQuery) {
                    String qid = style.qid(p.row());
                    queries.write(qid + '\t' + item.query() + '\n');
                    qrels.write(qid + '\t' + p.id() + "\t3\n");
                    written++;
                }
            }
        }
        return written;
    }

    /** The query and result of {@code p} in {@code style}, or {@code null} when the paper has no place in it. */
    private static Item item(Style style, Paper p) {
        String neutral = "论文 " + p.row();
        return switch (style) {
            case KEYWORDS_PAPER -> new Item(clean(p.keywords().replace('_', ' ')), p.title(), p.summary());
            case TITLE_ABSTRACT -> new Item(clean(p.title()), neutral, p.summary());
            case FIRSTSENTENCE_REST -> {
                int end = firstSentenceEnd(p.summary());
                String rest = end < 0 ? "" : p.summary().substring(end).strip();
                yield rest.isEmpty() ? null : new Item(clean(p.summary().substring(0, end)), neutral, rest);
            }
        };
    }

    /** The index just after the first sentence's end mark, or −1 when the text has none. */
    static int firstSentenceEnd(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '。' || c == '！' || c == '？') {
                return i + 1;
            }
            if ((c == '.' || c == '!' || c == '?') && i + 1 < text.length() && opensSentence(text.charAt(i + 1))) {
                return i + 1;
            }
        }
        return -1;
    }

    private static boolean opensSentence(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN || "“‘「『（《".indexOf(c) >= 0;
    }

    /** One line of text: control characters (tabs, newlines) to spaces, runs of whitespace to one space. */
    private static String clean(String s) {
        return s.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
    }

    private static Writer writer(Path file) throws IOException {
        return new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
    }

    private static List<Paper> read(Path tsv) throws IOException {
        List<Paper> papers = new ArrayList<>();
        Map<String, Integer> column = new HashMap<>();
        int[] width = {0};
        try (InputStream in = Files.newInputStream(tsv)) {
            TextLines.forEach(in, Limits.MAX_LINE_BYTES, line -> {
                if (line.error() != null) {
                    throw malformed(tsv, line.number(), line.error());
                }
                if (line.text().isBlank()) {
                    return;
                }
                String[] cols = line.text().split("\t", -1);
                if (width[0] == 0) {
                    width[0] = cols.length;
                    for (int i = 0; i < cols.length; i++) {
                        column.putIfAbsent(cols[i].strip(), i);
                    }
                    for (String name : COLUMNS) {
                        if (!column.containsKey(name)) {
                            throw malformed(tsv, line.number(), "header lacks column " + name);
                        }
                    }
                    return;
                }
                if (cols.length != width[0]) {
                    throw malformed(tsv, line.number(), cols.length + " columns, header has " + width[0]);
                }
                String id = clean(cols[column.get("id")]);
                String title = clean(cols[column.get("title")]);
                String summary = clean(cols[column.get("abstract")]);
                if (id.isEmpty() || title.isEmpty() || summary.isEmpty()) {
                    throw malformed(tsv, line.number(), "empty id, title or abstract");
                }
                papers.add(new Paper(papers.size() + 1, id, clean(cols[column.get("discipline")]), title,
                        cols[column.get("keywords")], summary));
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return papers;
    }

    private static UncheckedIOException malformed(Path file, int line, String why) {
        return new UncheckedIOException(new IOException(file + ":" + line + ": " + why));
    }
}
