package dev.duijie.corpus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static java.util.Map.entry;

/**
 * The header row of a staff CSV export: which column holds which field of the corpus format. A column is named
 * by the field's English name (any case) or by one of the Chinese headers staff use (the README lists them);
 * headers are trimmed and full-width parentheses count as ASCII ones.
 */
final class CsvHeader {

    /** Chinese headers per kind and field; the English field names come from {@link Schema}. */
    private static final Map<Kind, Map<String, List<String>>> CHINESE = Map.of(
            Kind.RESULT, Map.ofEntries(
                    entry("id", List.of("编号", "成果编号")),
                    entry("title", List.of("标题", "成果名称", "名称")),
                    entry("summary", List.of("摘要", "简介", "成果简介", "内容简介")),
                    entry("keywords", List.of("关键词", "关键字")),
                    entry("industry", List.of("所属行业", "行业", "行业领域")),
                    entry("institution", List.of("依托单位", "完成单位", "单位", "所属单位")),
                    entry("team", List.of("团队", "团队成员", "完成人")),
                    entry("trl", List.of("成熟度", "技术成熟度")),
                    entry("ipType", List.of("知识产权类型", "知识产权", "专利类型")),
                    entry("transferModes", List.of("转化方式", "交易方式", "合作方式")),
                    entry("date", List.of("日期", "登记日期", "发布日期"))),
            Kind.NEED, Map.ofEntries(
                    entry("id", List.of("编号", "需求编号")),
                    entry("title", List.of("标题", "需求名称", "需求标题")),
                    entry("description", List.of("描述", "需求描述", "需求内容", "详细描述")),
                    entry("enterprise", List.of("企业", "企业名称", "需求单位")),
                    entry("region", List.of("区域", "所在区县", "区县", "园区", "所在地")),
                    entry("industry", List.of("所属行业", "行业")),
                    entry("keywords", List.of("关键词")),
                    entry("budgetWan", List.of("预算", "预算(万元)", "投入预算")),
                    entry("requiredTrl", List.of("要求成熟度", "需求成熟度", "技术成熟度要求")),
                    entry("deadline", List.of("截止日期", "截止时间", "期限"))),
            Kind.EXPERT, Map.ofEntries(
                    entry("id", List.of("编号", "专家编号")),
                    entry("name", List.of("姓名", "专家姓名")),
                    entry("institution", List.of("单位", "所在单位", "依托单位")),
                    entry("title", List.of("职称")),
                    entry("areas", List.of("研究方向", "研究领域", "专业领域")),
                    entry("bio", List.of("简介", "个人简介"))),
            Kind.INSTITUTION, Map.ofEntries(
                    entry("id", List.of("编号")),
                    entry("name", List.of("名称", "单位名称", "高校名称")),
                    entry("type", List.of("类型", "单位类型")),
                    entry("city", List.of("城市", "所在城市"))));

    /** Normalised header → field, per kind. */
    private static final Map<Kind, Map<String, Schema.Field>> BY_HEADER = byHeader();

    /** The header of a file whose header row could not be read: no row of it is imported. */
    static final CsvHeader BROKEN = new CsvHeader(new Schema.Field[0], new String[0], false);

    /** Per column: its field, or {@code null} for an unknown or unnamed column. */
    private final Schema.Field[] fields;
    /** Per column: the trimmed header text. */
    private final String[] headers;
    private final boolean usable;

    private CsvHeader(Schema.Field[] fields, String[] headers, boolean usable) {
        this.fields = fields;
        this.headers = headers;
        this.usable = usable;
    }

    /**
     * Maps a header row, reporting on {@code problems}: one warning per unknown header; an error for the file
     * when two columns name the same field or a required field has no column ({@link #usable()} is then false).
     */
    static CsvHeader read(Kind kind, List<String> cells, String file, int line, List<Problem> problems) {
        Map<String, Schema.Field> known = BY_HEADER.get(kind);
        Schema.Field[] fields = new Schema.Field[cells.size()];
        String[] headers = new String[cells.size()];
        Map<String, String> headerOfField = new HashMap<>();
        Set<String> unknown = new LinkedHashSet<>();
        boolean usable = true;
        for (int i = 0; i < cells.size(); i++) {
            headers[i] = cells.get(i).strip();
            fields[i] = known.get(normalise(headers[i]));
            if (fields[i] == null) {
                if (!headers[i].isEmpty()) {
                    unknown.add(headers[i]);
                }
                continue;
            }
            String other = headerOfField.putIfAbsent(fields[i].name(), headers[i]);
            if (other != null) {
                usable = error(problems, file, line, fields[i].name(), "列「" + other + "」与「" + headers[i]
                        + "」都对应字段 " + fields[i].name() + "，无法确定用哪一列；本文件未导入");
            }
        }
        for (Schema.Field field : Schema.fields(kind)) {
            if (field.required() && !headerOfField.containsKey(field.name())) {
                usable = error(problems, file, line, field.name(), "表头缺少必填列（可用列名："
                        + String.join("、", headersOf(kind, field.name())) + "）；本文件未导入");
            }
        }
        for (String header : unknown) {
            problems.add(new Problem(Problem.Severity.WARNING, file, line, header, "未知列，已忽略"));
        }
        return new CsvHeader(fields, headers, usable);
    }

    /** False when the header has an error: no row of the file can be read. */
    boolean usable() {
        return usable;
    }

    int size() {
        return fields.length;
    }

    /** The field of column {@code i}, or {@code null} for an unknown or unnamed column. */
    Schema.Field field(int i) {
        return fields[i];
    }

    /** The name problems of column {@code i} are reported under: its field, else its header, else {@code null}. */
    String label(int i) {
        return fields[i] != null ? fields[i].name() : headers[i].isEmpty() ? null : headers[i];
    }

    /** Every header accepted for {@code field} of {@code kind}, the English name first. */
    static List<String> headersOf(Kind kind, String field) {
        List<String> out = new ArrayList<>();
        out.add(field);
        out.addAll(CHINESE.get(kind).getOrDefault(field, List.of()));
        return out;
    }

    /** Trimmed, full-width parentheses as ASCII, lower case (English names match in any case). */
    static String normalise(String header) {
        return header.strip().replace('（', '(').replace('）', ')').toLowerCase(Locale.ROOT);
    }

    private static boolean error(List<Problem> problems, String file, int line, String field, String message) {
        problems.add(new Problem(Problem.Severity.ERROR, file, line, field, message));
        return false;
    }

    private static Map<Kind, Map<String, Schema.Field>> byHeader() {
        Map<Kind, Map<String, Schema.Field>> out = new HashMap<>();
        for (Kind kind : Kind.values()) {
            List<String> names = Schema.fields(kind).stream().map(Schema.Field::name).toList();
            if (!names.containsAll(CHINESE.get(kind).keySet())) {
                throw new IllegalStateException("Chinese headers for a field that " + kind + " does not have");
            }
            Map<String, Schema.Field> map = new HashMap<>();
            for (Schema.Field field : Schema.fields(kind)) {
                for (String header : headersOf(kind, field.name())) {
                    if (map.put(normalise(header), field) != null) {
                        throw new IllegalStateException("header " + header + " names two fields of " + kind);
                    }
                }
            }
            out.put(kind, Map.copyOf(map));
        }
        return Map.copyOf(out);
    }
}
