package dev.duijie.corpus;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The value types of the corpus format; each converts a JSON value or explains in Chinese why it can't. */
enum FieldType {
    ID, SHORT_TEXT, LONG_TEXT, TEXT_LIST, ID_LIST, TRL, BUDGET, DATE;

    private static final Pattern ID_PATTERN = Pattern.compile("[\\p{L}\\p{N}._:-]{1," + Limits.MAX_ID_CHARS + "}");
    private static final Pattern DATE_PATTERN = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** The converted value, or a {@link Invalid} explaining the problem. {@code node} is present and non-blank. */
    Object convert(JsonNode node) {
        return switch (this) {
            case ID -> id(node);
            case SHORT_TEXT -> text(node, Limits.MAX_SHORT_TEXT_CHARS);
            case LONG_TEXT -> text(node, Limits.MAX_LONG_TEXT_CHARS);
            case TEXT_LIST -> list(node, false);
            case ID_LIST -> list(node, true);
            case TRL -> trl(node);
            case BUDGET -> budget(node);
            case DATE -> date(node);
        };
    }

    /** Why a value was rejected. */
    record Invalid(String message) {
    }

    /** True for JSON null, a missing value and strings that are blank: all count as absent. */
    static boolean isAbsent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() || (node.isTextual() && node.asText().isBlank());
    }

    private static Object id(JsonNode node) {
        if (!node.isTextual()) {
            return wrongType("字符串", node);
        }
        String s = node.asText().trim();
        if (!ID_PATTERN.matcher(s).matches()) {
            return new Invalid("id「" + shorten(s) + "」不合法：只能由字母、数字和 . _ : - 组成，最长 " + Limits.MAX_ID_CHARS + " 个字符");
        }
        return s;
    }

    private static Object text(JsonNode node, int max) {
        if (!node.isTextual()) {
            return wrongType("字符串", node);
        }
        String s = node.asText().strip();
        if (s.length() > max) {
            return new Invalid("过长：" + s.length() + " 个字符，上限 " + max);
        }
        if (hasControl(s)) {
            return new Invalid("含有控制字符");
        }
        return s;
    }

    private static Object list(JsonNode node, boolean ids) {
        if (!node.isArray()) {
            return wrongType("字符串数组", node);
        }
        if (node.size() > Limits.MAX_LIST_ITEMS) {
            return new Invalid("元素过多：" + node.size() + " 个，上限 " + Limits.MAX_LIST_ITEMS);
        }
        List<String> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (isAbsent(item)) {
                continue;
            }
            Object v = ids ? id(item) : text(item, Limits.MAX_LIST_ITEM_CHARS);
            if (v instanceof Invalid bad) {
                return new Invalid("第 " + (i + 1) + " 个元素" + bad.message());
            }
            if (!out.contains(v)) {
                out.add((String) v);
            }
        }
        return List.copyOf(out);
    }

    private static Object trl(JsonNode node) {
        if (!node.isIntegralNumber() && !(node.isNumber() && node.asDouble() == Math.rint(node.asDouble()))) {
            return wrongType("1–9 的整数", node);
        }
        if (!node.canConvertToInt() || node.asInt() < 1 || node.asInt() > 9) {
            return new Invalid("取值 " + node.asText() + " 超出范围 1–9");
        }
        return node.asInt();
    }

    private static Object budget(JsonNode node) {
        if (!node.isNumber()) {
            return wrongType("数字（万元）", node);
        }
        double v = node.asDouble();
        if (!Double.isFinite(v) || v < 0 || v > Limits.MAX_BUDGET_WAN) {
            return new Invalid("取值 " + node.asText() + " 超出范围 0–" + (long) Limits.MAX_BUDGET_WAN + " 万元");
        }
        return v;
    }

    private static Object date(JsonNode node) {
        if (!node.isTextual()) {
            return wrongType("YYYY-MM-DD 格式的日期字符串", node);
        }
        String s = node.asText().trim();
        if (!DATE_PATTERN.matcher(s).matches()) {
            return new Invalid("日期「" + shorten(s) + "」格式错误，应为 YYYY-MM-DD");
        }
        try {
            LocalDate d = LocalDate.parse(s);
            if (d.getYear() < Limits.MIN_YEAR || d.getYear() > Limits.MAX_YEAR) {
                return new Invalid("日期 " + s + " 不在 " + Limits.MIN_YEAR + "–" + Limits.MAX_YEAR + " 年之间");
            }
            return d;
        } catch (DateTimeParseException e) {
            return new Invalid("日期 " + s + " 不存在");
        }
    }

    private static Invalid wrongType(String expected, JsonNode node) {
        return new Invalid("类型错误：应为" + expected + "，实际为" + describe(node));
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "字符串";
            case NUMBER -> "数字";
            case BOOLEAN -> "布尔值";
            case ARRAY -> "数组";
            case OBJECT -> "对象";
            default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\t' && c != '\r' || c == 0x7F) {
                return true;
            }
        }
        return false;
    }

    static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
