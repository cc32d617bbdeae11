package dev.duijie.corpus;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one validation path of a record, whatever file format it came from: a JSON object with the format's field
 * names is checked field by field against {@link Schema}, its references against the kinds accepted so far, its id
 * against earlier rows of the same file, and accepted into {@code records} only when nothing is wrong. One instance
 * per file, because duplicate ids, unknown-field warnings and row counts are per file.
 */
final class RecordChecker {
    private final Kind kind;
    private final String file;
    private final Map<String, Object> records;
    private final Map<Kind, Map<String, Object>> accepted;
    private final Map<Kind, String> sources;
    private final List<Problem> problems;
    private final Map<String, Integer> firstLineOfId = new HashMap<>();
    private final Map<String, int[]> unknownFields = new LinkedHashMap<>();
    private final Set<String> missingTargetsReported = new HashSet<>();
    private int rows;

    /**
     * @param records      where this file's accepted records go, by id
     * @param accepted     accepted records of every kind read so far, for references
     * @param sources      the file name each kind was read from; references to a kind without a file are only
     *                     warned about
     */
    RecordChecker(Kind kind, String file, Map<String, Object> records, Map<Kind, Map<String, Object>> accepted,
                  Map<Kind, String> sources, List<Problem> problems) {
        this.kind = kind;
        this.file = file;
        this.records = records;
        this.accepted = accepted;
        this.sources = sources;
        this.problems = problems;
    }

    /**
     * One non-blank row. {@code node} is {@code null} when the row could not be turned into an object at all;
     * {@code rejected} when its source already reported an error for it (its fields are still checked, so that
     * every problem shows up at once). Either way the row is counted.
     */
    void row(int line, JsonNode node, boolean rejected) {
        rows++;
        if (node == null) {
            return;
        }
        Map<String, Object> values = checkFields(node, line);
        if (values == null || rejected) {
            return;
        }
        String id = (String) values.get("id");
        Integer first = firstLineOfId.putIfAbsent(id, line);
        if (first != null) {
            error(line, "id", "id「" + id + "」重复（第 " + first + " 行已使用），本行未导入");
            return;
        }
        records.put(id, Schema.build(kind, values));
    }

    /** Non-blank rows seen, accepted or not. */
    int rows() {
        return rows;
    }

    /** Reports the unknown fields seen, one warning per field. Call once, after the last row. */
    void finish() {
        unknownFields.forEach((field, firstAndCount) -> problems.add(new Problem(Problem.Severity.WARNING, file,
                firstAndCount[0], field, "未知字段，已忽略（共 " + firstAndCount[1] + " 行含此字段）")));
    }

    /** Checked values of one object, or {@code null} when the record has an error (already reported). */
    private Map<String, Object> checkFields(JsonNode node, int line) {
        Map<String, Object> values = new HashMap<>();
        boolean ok = true;
        Set<String> known = new HashSet<>();
        for (Schema.Field field : Schema.fields(kind)) {
            known.add(field.name());
            JsonNode value = node.get(field.name());
            if (FieldType.isAbsent(value)) {
                if (field.required()) {
                    ok = error(line, field.name(), "缺少必填字段");
                }
                continue;
            }
            Object converted = field.type().convert(value);
            if (converted instanceof FieldType.Invalid invalid) {
                ok = error(line, field.name(), invalid.message());
                continue;
            }
            if (field.references() != null) {
                ok &= checkReference(field, converted, line);
            }
            values.put(field.name(), converted);
        }
        if (kind == Kind.NEED && !values.containsKey("title") && !values.containsKey("description")) {
            ok = error(line, "title", "title 与 description 至少填写一项");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) {
                unknownFields.computeIfAbsent(f, k -> new int[]{line, 0})[1]++;
            }
        }
        return ok ? values : null;
    }

    private boolean checkReference(Schema.Field field, Object value, int line) {
        Kind target = field.references();
        String targetFile = sources.get(target);
        if (targetFile == null) {
            if (missingTargetsReported.add(field.name())) {
                problems.add(new Problem(Problem.Severity.WARNING, file, line, field.name(),
                        "没有 " + target.fileName() + "（或 " + target.csvFileName() + "），无法核对引用"));
            }
            return true;
        }
        List<?> ids = value instanceof List<?> l ? l : List.of(value);
        boolean ok = true;
        for (Object id : ids) {
            if (!accepted.get(target).containsKey((String) id)) {
                ok = error(line, field.name(), "引用的" + target.label() + "「" + id + "」在 "
                        + targetFile + " 中不存在（或该行有错误未导入）");
            }
        }
        return ok;
    }

    private boolean error(int line, String field, String message) {
        problems.add(new Problem(Problem.Severity.ERROR, file, line, field, message));
        return false;
    }
}
