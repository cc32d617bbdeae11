package dev.duijie.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the text of one CSV cell into the JSON value the corpus format has for its field, so that CSV rows are
 * validated by the same code as JSON lines. Only the spelling is CSV-specific here (list separators, "TRL 7",
 * "80万元", "2024年5月1日"); ranges, lengths and existence of dates are left to {@link FieldType}.
 */
final class CsvCells {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Full-width and ASCII semicolons and commas, 顿号, and line breaks (Alt+Enter in an Excel cell). */
    static final Pattern LIST_SEPARATORS = Pattern.compile("[;；,，、\\r\\n]");

    private static final Pattern TRL = Pattern.compile("(?i)(?:TRL\\s*)?(\\d{1,9})(?:\\.0+)?\\s*级?");
    /** Excel writes numbers as displayed, so a thousands separator may come along. */
    private static final Pattern BUDGET =
            Pattern.compile("(-?(?:\\d{1,3}(?:,\\d{3})+|\\d{1,15})(?:\\.\\d+)?)\\s*(?:万元?)?");
    private static final Pattern DATE = Pattern.compile("(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})");
    private static final Pattern CHINESE_DATE = Pattern.compile("(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日");

    private CsvCells() {
    }

    /**
     * The JSON value of {@code cell} for a field of {@code type}: {@code null} when the cell is blank (absent),
     * a {@link FieldType.Invalid} naming the bad value when its spelling is not understood.
     */
    static Object toJson(FieldType type, String cell) {
        if (cell.isBlank()) {
            return null;
        }
        return switch (type) {
            case ID, SHORT_TEXT, LONG_TEXT -> NODES.textNode(unifyLineEnds(cell));
            case TEXT_LIST, ID_LIST -> list(cell);
            case TRL -> trl(cell);
            case BUDGET -> budget(cell);
            case DATE -> date(cell);
        };
    }

    /** Excel on Windows and on a Mac end lines in a cell differently; the record should not depend on it. */
    private static String unifyLineEnds(String s) {
        return s.indexOf('\r') < 0 ? s : s.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static JsonNode list(String cell) {
        ArrayNode items = NODES.arrayNode();
        for (String item : LIST_SEPARATORS.split(cell)) {
            if (!item.isBlank()) {
                items.add(item.strip());
            }
        }
        return items;
    }

    private static Object trl(String cell) {
        Matcher m = TRL.matcher(plain(cell));
        if (!m.matches()) {
            return new FieldType.Invalid("「" + FieldType.shorten(cell.strip())
                    + "」不是技术成熟度等级：应为 1–9 的整数，可写作 7、7.0、TRL7、TRL 7 或 7级");
        }
        return NODES.numberNode(Integer.parseInt(m.group(1)));
    }

    private static Object budget(String cell) {
        Matcher m = BUDGET.matcher(plain(cell));
        if (!m.matches()) {
            return new FieldType.Invalid("「" + FieldType.shorten(cell.strip())
                    + "」不是预算金额：应为以万元计的数字，可写作 80、80.5、80万 或 80万元");
        }
        return NODES.numberNode(Double.parseDouble(m.group(1).replace(",", "")));
    }

    /** ISO text for the accepted spellings; whether the date exists and its range are {@link FieldType}'s job. */
    private static Object date(String cell) {
        String s = plain(cell);
        Matcher m = DATE.matcher(s);
        if (m.matches()) {
            return iso(m.group(1), m.group(3), m.group(4));
        }
        m = CHINESE_DATE.matcher(s);
        if (m.matches()) {
            return iso(m.group(1), m.group(2), m.group(3));
        }
        return new FieldType.Invalid("日期「" + FieldType.shorten(cell.strip())
                + "」无法识别：应为 YYYY-MM-DD、YYYY/M/D、YYYY.M.D 或 YYYY年M月D日");
    }

    private static JsonNode iso(String year, String month, String day) {
        return NODES.textNode(year + "-" + pad(month) + "-" + pad(day));
    }

    private static String pad(String s) {
        return s.length() == 1 ? "0" + s : s;
    }

    /** Trimmed, with full-width digits and letters (typed with a Chinese input method) as ASCII. */
    private static String plain(String cell) {
        return Normalizer.normalize(cell, Normalizer.Form.NFKC).strip();
    }
}
