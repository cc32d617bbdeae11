package dev.duijie.corpus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a corpus directory into a validated {@link Corpus} and reports <em>all</em> problems at once, each with
 * file, line and field. It never stops at the first problem and never drops a record without a problem naming it.
 *
 * <p>Rules (the corpus format contract, see the README): one JSON object per line in UTF-8; empty strings and
 * nulls count as absent; unknown fields give one warning per field and file; a record with any error — invalid
 * JSON or UTF-8, a missing required field, a wrong type, a value out of range or over {@link Limits}, a duplicate
 * id, a reference to a record that does not exist — is rejected. Kinds are read in reference order
 * (institutions, experts, results, needs, then the eval files), so a reference to a rejected record is itself
 * reported. Missing files other than {@code results.jsonl} mean an empty kind.
 *
 * <p>Instead of a kind's {@code .jsonl} file the directory may hold a staff CSV export of it ({@code results.csv}
 * …, see {@link LoadOptions#csvCharset()} for its encoding); its rows become the same JSON objects and go through
 * the same checks. Both files of one kind at once is an error: neither is read.
 */
public final class CorpusLoader {
    /** Eval files live in the corpus directory or in {@code eval/} under it. */
    public static final String QUERIES_FILE = "queries.tsv";
    public static final String QRELS_FILE = "qrels.tsv";

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final List<Kind> READ_ORDER = List.of(Kind.INSTITUTION, Kind.EXPERT, Kind.RESULT, Kind.NEED);

    private final Path dir;
    private final LoadOptions options;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, Integer> rowsRead = new LinkedHashMap<>();
    private final Map<Kind, Map<String, Object>> accepted = new HashMap<>();
    /** The file name each kind was read from; a kind without a file is absent. */
    private final Map<Kind, String> sources = new EnumMap<>(Kind.class);
    private final Map<String, String> queries = new LinkedHashMap<>();
    private final List<Judgment> judgments = new ArrayList<>();

    private CorpusLoader(Path dir, LoadOptions options) {
        this.dir = dir;
        this.options = options;
    }

    /** Reads {@code dir}; problems with the directory itself are reported, not thrown. */
    public static LoadReport load(Path dir) {
        return load(dir, LoadOptions.DEFAULTS);
    }

    /** Reads {@code dir} with judgments from {@code qrels} instead of the directory's own {@code qrels.tsv}. */
    public static LoadReport load(Path dir, Path qrels) {
        return load(dir, LoadOptions.DEFAULTS.withQrels(qrels));
    }

    /** Reads {@code dir} as {@code options} say; problems with the directory itself are reported, not thrown. */
    public static LoadReport load(Path dir, LoadOptions options) {
        return new CorpusLoader(Objects.requireNonNull(dir, "dir"), Objects.requireNonNull(options, "options")).run();
    }

    private LoadReport run() {
        if (!Files.isDirectory(dir)) {
            problems.add(new Problem(Problem.Severity.ERROR, dir.toString(), 0, null, "语料目录不存在或不是目录"));
        } else {
            for (Kind kind : READ_ORDER) {
                readKind(kind);
            }
            readEval();
        }
        Corpus corpus = Corpus.of(records(Kind.RESULT, Result.class), records(Kind.NEED, Need.class),
                records(Kind.EXPERT, Expert.class), records(Kind.INSTITUTION, Institution.class), queries, judgments);
        return new LoadReport(corpus, problems, rowsRead);
    }

    private <T> List<T> records(Kind kind, Class<T> type) {
        return accepted.getOrDefault(kind, Map.of()).values().stream().map(type::cast).toList();
    }

    // ---- record files ----

    private void readKind(Kind kind) {
        Map<String, Object> records = new LinkedHashMap<>();
        accepted.put(kind, records);
        Path jsonl = dir.resolve(kind.fileName());
        Path csv = dir.resolve(kind.csvFileName());
        boolean hasJsonl = Files.isRegularFile(jsonl);
        boolean hasCsv = Files.isRegularFile(csv);
        if (hasJsonl && hasCsv) {
            // Guessing which one is current could silently index a stale export.
            error(dir.toString(), 0, null, kind.fileName() + " 与 " + kind.csvFileName()
                    + " 同时存在，无法确定以哪个为准，两个文件都未读取；请删除或改名其中一个");
            return;
        }
        if (!hasJsonl && !hasCsv) {
            if (kind == Kind.RESULT) {
                error(jsonl.toString(), 0, null, "缺少必需的文件 results.jsonl（或 results.csv）");
            }
            return;
        }
        Path file = hasJsonl ? jsonl : csv;
        String name = file.getFileName().toString();
        sources.put(kind, name);
        RecordChecker checker = new RecordChecker(kind, file.toString(), records, accepted, sources, problems);
        if (hasJsonl) {
            readJsonLines(file, checker);
        } else {
            CsvSource.read(file, kind, options.csvCharset(), problems, checker);
        }
        checker.finish();
        rowsRead.put(name, checker.rows());
    }

    /**
     * One record checked by the format's rules, for incremental updates (admin API): the record, or {@code null}
     * with the errors. References cannot be checked without the other files and are only warned about.
     */
    public record Parsed(Object record, List<Problem> problems) {
        public Parsed {
            problems = List.copyOf(problems);
        }
    }

    /** Parses and checks one JSON object of {@code kind}; the file in its problems is {@code "request"}. */
    public static Parsed parseRecord(Kind kind, String json) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Object> records = new LinkedHashMap<>();
        Map<Kind, Map<String, Object>> none = new HashMap<>();
        for (Kind k : Kind.values()) {
            none.put(k, Map.of());
        }
        RecordChecker checker = new RecordChecker(kind, "request", records, none, Map.of(), problems);
        JsonNode node = null;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            problems.add(new Problem(Problem.Severity.ERROR, "request", 1, null, "不是合法的 JSON：" + firstLine(e.getOriginalMessage())));
        }
        if (node != null && !node.isObject()) {
            problems.add(new Problem(Problem.Severity.ERROR, "request", 1, null, "应为一个 JSON 对象"));
            node = null;
        }
        checker.row(1, node, node == null);
        return new Parsed(records.values().stream().findFirst().orElse(null), problems);
    }

    private void readJsonLines(Path file, RecordChecker checker) {
        String name = file.toString();
        readLines(file, line -> {
            if (line.error() == null && line.text().isBlank()) {
                return;
            }
            if (line.error() != null) {
                error(name, line.number(), null, line.error());
                checker.row(line.number(), null, true);
                return;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line.text());
            } catch (JsonProcessingException e) {
                error(name, line.number(), null, "不是合法的 JSON：" + firstLine(e.getOriginalMessage()));
                checker.row(line.number(), null, true);
                return;
            }
            if (node == null || !node.isObject()) {
                error(name, line.number(), null, "每行应为一个 JSON 对象");
                checker.row(line.number(), null, true);
                return;
            }
            checker.row(line.number(), node, false);
        });
    }

    // ---- eval files ----

    private void readEval() {
        Path queriesFile = evalFile(QUERIES_FILE);
        if (queriesFile != null) {
            readQueries(queriesFile);
        }
        Path qrelsOverride = options.qrels();
        Path qrelsFile = qrelsOverride != null ? qrelsOverride : evalFile(QRELS_FILE);
        if (qrelsOverride != null && !Files.isRegularFile(qrelsOverride)) {
            error(qrelsOverride.toString(), 0, null, "qrels 文件不存在");
        } else if (qrelsFile != null) {
            readQrels(qrelsFile);
        }
    }

    private Path evalFile(String fileName) {
        Path top = dir.resolve(fileName);
        Path nested = dir.resolve("eval").resolve(fileName);
        if (Files.isRegularFile(top)) {
            if (Files.isRegularFile(nested)) {
                problems.add(new Problem(Problem.Severity.WARNING, nested.toString(), 0, null,
                        "与 " + top + " 同时存在，只读取后者"));
            }
            return top;
        }
        return Files.isRegularFile(nested) ? nested : null;
    }

    private void readQueries(Path file) {
        String name = file.toString();
        Map<String, Integer> firstLine = new HashMap<>();
        int[] rows = {0};
        readTsv(file, rows, (line, cols) -> {
            if (cols.length != 2) {
                error(name, line, null, "应为两列：qid<TAB>查询文本，实际 " + cols.length + " 列");
                return;
            }
            Object qid = FieldType.ID.convert(JSON.getNodeFactory().textNode(cols[0]));
            if (qid instanceof FieldType.Invalid bad) {
                error(name, line, "qid", bad.message());
                return;
            }
            String text = cols[1].strip();
            if (text.isEmpty() || text.length() > Limits.MAX_SHORT_TEXT_CHARS) {
                error(name, line, "text", text.isEmpty() ? "查询文本为空" : "查询文本过长");
                return;
            }
            if (accepted.get(Kind.NEED).containsKey((String) qid)) {
                error(name, line, "qid", "「" + qid + "」与需求 id 重名，qrels 无法区分");
                return;
            }
            Integer first = firstLine.putIfAbsent((String) qid, line);
            if (first != null) {
                error(name, line, "qid", "qid「" + qid + "」重复（第 " + first + " 行已使用）");
                return;
            }
            queries.put((String) qid, text);
        });
        rowsRead.put(file.getFileName().toString(), rows[0]);
    }

    private void readQrels(Path file) {
        String name = file.toString();
        Map<String, Integer> firstLine = new HashMap<>();
        int[] rows = {0};
        readTsv(file, rows, (line, cols) -> {
            // Three columns per the format; four-column TREC qrels (qid iter docId grade) are accepted too.
            if (cols.length != 3 && cols.length != 4) {
                error(name, line, null, "应为三列：qid<TAB>docId<TAB>grade，实际 " + cols.length + " 列");
                return;
            }
            String qid = cols[0].strip();
            String docId = cols[cols.length - 2].strip();
            String gradeText = cols[cols.length - 1].strip();
            boolean ok = true;
            if (!accepted.get(Kind.NEED).containsKey(qid) && !queries.containsKey(qid)) {
                ok = error(name, line, "qid", "「" + FieldType.shorten(qid) + "」既不是需求 id，也不在 queries.tsv 中");
            }
            if (!accepted.get(Kind.RESULT).containsKey(docId) && !accepted.get(Kind.EXPERT).containsKey(docId)) {
                ok = error(name, line, "docId", "「" + FieldType.shorten(docId) + "」既不是成果 id，也不是专家 id");
            }
            if (!gradeText.matches("[0-3]")) {
                ok = error(name, line, "grade", "等级「" + FieldType.shorten(gradeText) + "」应为 0–3 的整数");
            }
            if (!ok) {
                return;
            }
            Integer first = firstLine.putIfAbsent(qid + '\t' + docId, line);
            if (first != null) {
                error(name, line, null, "「" + qid + " → " + docId + "」重复判定（第 " + first + " 行已有）");
                return;
            }
            judgments.add(new Judgment(qid, docId, Integer.parseInt(gradeText)));
        });
        rowsRead.put(file.getFileName().toString(), rows[0]);
    }

    private interface TsvRow {
        void accept(int line, String[] cols);
    }

    /** Tab-separated rows; blank lines and lines starting with {@code #} are comments. */
    private void readTsv(Path file, int[] rows, TsvRow row) {
        readLines(file, line -> {
            if (line.error() == null && (line.text().isBlank() || line.text().startsWith("#"))) {
                return;
            }
            rows[0]++;
            if (line.error() != null) {
                error(file.toString(), line.number(), null, line.error());
            } else {
                row.accept(line.number(), line.text().split("\t", -1));
            }
        });
    }

    private void readLines(Path file, java.util.function.Consumer<TextLines.Line> action) {
        try (InputStream in = Files.newInputStream(file)) {
            TextLines.forEach(in, Limits.MAX_LINE_BYTES, action);
        } catch (IOException e) {
            error(file.toString(), 0, null, "无法读取文件：" + e.getMessage());
        }
    }

    /** Records an error and returns {@code false}, so checks can write {@code ok = error(...)}. */
    private boolean error(String file, int line, String field, String message) {
        problems.add(new Problem(Problem.Severity.ERROR, file, line, field, message));
        return false;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return FieldType.shorten(nl < 0 ? s : s.substring(0, nl));
    }
}
