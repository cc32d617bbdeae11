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
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    private final Path qrelsOverride;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, Integer> rowsRead = new LinkedHashMap<>();
    private final Map<Kind, Map<String, Object>> accepted = new HashMap<>();
    private final Set<Kind> filesPresent = new HashSet<>();
    private final Map<String, String> queries = new LinkedHashMap<>();
    private final List<Judgment> judgments = new ArrayList<>();

    private CorpusLoader(Path dir, Path qrelsOverride) {
        this.dir = dir;
        this.qrelsOverride = qrelsOverride;
    }

    /** Reads {@code dir}; problems with the directory itself are reported, not thrown. */
    public static LoadReport load(Path dir) {
        return new CorpusLoader(dir, null).run();
    }

    /** Reads {@code dir} with judgments from {@code qrels} instead of the directory's own {@code qrels.tsv}. */
    public static LoadReport load(Path dir, Path qrels) {
        return new CorpusLoader(dir, qrels).run();
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

    // ---- JSON Lines files ----

    private void readKind(Kind kind) {
        Path file = dir.resolve(kind.fileName());
        Map<String, Object> records = new LinkedHashMap<>();
        accepted.put(kind, records);
        if (!Files.isRegularFile(file)) {
            if (kind == Kind.RESULT) {
                problems.add(new Problem(Problem.Severity.ERROR, file.toString(), 0, null, "缺少必需的文件 results.jsonl"));
            }
            return;
        }
        filesPresent.add(kind);
        String name = file.toString();
        Map<String, Integer> firstLineOfId = new HashMap<>();
        Map<String, int[]> unknownFields = new LinkedHashMap<>();
        Set<String> missingTargetsReported = new HashSet<>();
        int[] rows = {0};
        readLines(file, line -> {
            if (line.error() == null && line.text().isBlank()) {
                return;
            }
            rows[0]++;
            if (line.error() != null) {
                error(name, line.number(), null, line.error());
                return;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line.text());
            } catch (JsonProcessingException e) {
                error(name, line.number(), null, "不是合法的 JSON：" + firstLine(e.getOriginalMessage()));
                return;
            }
            if (node == null || !node.isObject()) {
                error(name, line.number(), null, "每行应为一个 JSON 对象");
                return;
            }
            Map<String, Object> values = checkFields(kind, node, name, line.number(), unknownFields,
                    missingTargetsReported);
            if (values == null) {
                return;
            }
            String id = (String) values.get("id");
            Integer first = firstLineOfId.putIfAbsent(id, line.number());
            if (first != null) {
                error(name, line.number(), "id", "id「" + id + "」重复（第 " + first + " 行已使用），本行未导入");
                return;
            }
            records.put(id, Schema.build(kind, values));
        });
        rowsRead.put(kind.fileName(), rows[0]);
        unknownFields.forEach((field, firstAndCount) -> problems.add(new Problem(Problem.Severity.WARNING, name,
                firstAndCount[0], field, "未知字段，已忽略（共 " + firstAndCount[1] + " 行含此字段）")));
    }

    /** Checked values of one JSON object, or {@code null} when the record has an error (already reported). */
    private Map<String, Object> checkFields(Kind kind, JsonNode node, String file, int line,
                                            Map<String, int[]> unknownFields, Set<String> missingTargetsReported) {
        Map<String, Object> values = new HashMap<>();
        boolean ok = true;
        Set<String> known = new HashSet<>();
        for (Schema.Field field : Schema.fields(kind)) {
            known.add(field.name());
            JsonNode value = node.get(field.name());
            if (FieldType.isAbsent(value)) {
                if (field.required()) {
                    ok = error(file, line, field.name(), "缺少必填字段");
                }
                continue;
            }
            Object converted = field.type().convert(value);
            if (converted instanceof FieldType.Invalid invalid) {
                ok = error(file, line, field.name(), invalid.message());
                continue;
            }
            if (field.references() != null) {
                ok &= checkReference(field, converted, file, line, missingTargetsReported);
            }
            values.put(field.name(), converted);
        }
        if (kind == Kind.NEED && !values.containsKey("title") && !values.containsKey("description")) {
            ok = error(file, line, "title", "title 与 description 至少填写一项");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) {
                unknownFields.computeIfAbsent(f, k -> new int[]{line, 0})[1]++;
            }
        }
        return ok ? values : null;
    }

    private boolean checkReference(Schema.Field field, Object value, String file, int line, Set<String> reported) {
        Kind target = field.references();
        if (!filesPresent.contains(target)) {
            if (reported.add(field.name())) {
                problems.add(new Problem(Problem.Severity.WARNING, file, line, field.name(),
                        "没有 " + target.fileName() + "，无法核对引用"));
            }
            return true;
        }
        List<?> ids = value instanceof List<?> l ? l : List.of(value);
        boolean ok = true;
        for (Object id : ids) {
            if (!accepted.get(target).containsKey((String) id)) {
                ok = error(file, line, field.name(), "引用的" + target.label() + "「" + id + "」在 "
                        + target.fileName() + " 中不存在（或该行有错误未导入）");
            }
        }
        return ok;
    }

    // ---- eval files ----

    private void readEval() {
        Path queriesFile = evalFile(QUERIES_FILE);
        if (queriesFile != null) {
            readQueries(queriesFile);
        }
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
