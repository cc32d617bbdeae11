package dev.duijie.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads a staff CSV export of one kind ({@code results.csv} …) into JSON objects of the corpus format and hands
 * every row to a {@link RecordChecker}, the same per-record path JSON lines take. What is CSV-specific stays
 * here: encoding ({@link DecodedText}), RFC 4180 parsing as Excel writes it (Commons CSV), the header row
 * ({@link CsvHeader}), cell counts and cell spelling ({@link CsvCells}). Every problem names the physical line
 * where its row starts.
 */
final class CsvSource {

    /**
     * Empty lines are kept as records (and skipped below) rather than skipped by the parser: then every record
     * starts right after the previous one ends, so "lines consumed so far + 1" is its first physical line even
     * when a quoted cell spans lines. {@code getRecordNumber()} counts records, not lines, and after a record
     * {@code getCurrentLineNumber()} is the line where it <em>ends</em>; with the parser skipping empty lines,
     * {@code getCharacterPosition()} points at the skipped lines, not at the record.
     */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private final Path file;
    private final String name;
    private final Kind kind;
    private final List<Problem> problems;
    private final RecordChecker checker;
    /** Unnamed columns whose content was ignored, already warned about. */
    private final Set<Integer> unnamedReported = new HashSet<>();

    private CsvSource(Path file, Kind kind, List<Problem> problems, RecordChecker checker) {
        this.file = file;
        this.name = file.toString();
        this.kind = kind;
        this.problems = problems;
        this.checker = checker;
    }

    /** Reads {@code file}, decoded as {@code charset} or, when {@code null}, as detected. */
    static void read(Path file, Kind kind, Charset charset, List<Problem> problems, RecordChecker checker) {
        new CsvSource(file, kind, problems, checker).read(charset);
    }

    private void read(Charset charset) {
        byte[] bytes;
        try {
            if (Files.size(file) > Limits.MAX_CSV_FILE_BYTES) {
                error(0, null, "文件过大（超过 " + (Limits.MAX_CSV_FILE_BYTES >> 20) + " MiB），未读取");
                return;
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            error(0, null, "无法读取文件：" + e.getMessage());
            return;
        }
        if (charset != null && !charset.equals(StandardCharsets.UTF_8) && DecodedText.hasUtf8Bom(bytes)) {
            error(0, null, "文件以 UTF-8 BOM 开头，与指定的编码 " + charset.name() + " 不符，未读取");
            return;
        }
        parse(DecodedText.decode(bytes, charset));
    }

    private void parse(DecodedText text) {
        CsvHeader header = null;
        try (CSVParser parser = FORMAT.parse(new StringReader(text.text()))) {
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                int line = (int) parser.getCurrentLineNumber() + 1;
                List<String> cells;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    cells = records.next().toList();
                } catch (UncheckedIOException e) {
                    error(line, null, "CSV 格式错误：" + describe(e) + "；从本行起的内容均未导入");
                    if (header != null) {
                        checker.row(line, null, true);
                    }
                    return;
                }
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                // A record without a final line break ends on the line it started (or later, if it spans lines).
                int lastLine = Math.max(line, (int) parser.getCurrentLineNumber());
                if (header == null) {
                    header = readHeader(text, cells, line, lastLine);
                } else {
                    row(text, header, cells, line, lastLine);
                }
            }
        } catch (IOException e) {
            error(0, null, "无法读取文件：" + e.getMessage());   // not expected from a StringReader
            return;
        }
        if (header == null) {
            problems.add(new Problem(Problem.Severity.WARNING, name, 0, null, "文件为空（没有表头行），按没有记录处理"));
        }
    }

    private CsvHeader readHeader(DecodedText text, List<String> cells, int line, int lastLine) {
        if (text.isBad(line, lastLine)) {
            error(text.firstBad(line, lastLine), null, "表头行" + text.badMessage() + "；本文件未导入");
            return CsvHeader.BROKEN;
        }
        return CsvHeader.read(kind, cells, name, line, problems);
    }

    /** One data row: checked for shape and encoding, then as a JSON object by the {@link RecordChecker}. */
    private void row(DecodedText text, CsvHeader header, List<String> cells, int line, int lastLine) {
        if (!header.usable()) {
            checker.row(line, null, true);     // the header error already says no row is imported
            return;
        }
        if (!shapeOk(header, cells, line) || !decodedOk(text, header, cells, line, lastLine)) {
            checker.row(line, null, true);
            return;
        }
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        boolean rejected = false;
        for (int i = 0; i < header.size(); i++) {
            Schema.Field field = header.field(i);
            if (field == null) {
                warnUnnamed(header, cells.get(i), i, line);
                continue;
            }
            Object value = CsvCells.toJson(field.type(), cells.get(i));
            if (value instanceof FieldType.Invalid bad) {
                error(line, field.name(), bad.message());
                rejected = true;
            } else if (value != null) {
                node.set(field.name(), (JsonNode) value);
            }
        }
        checker.row(line, node, rejected);
    }

    /**
     * A row with fewer cells than the header is usually one broken by a line break in an unquoted cell; one with
     * more has content under no header. Extra cells that are empty are what Excel writes for trailing columns.
     */
    private boolean shapeOk(CsvHeader header, List<String> cells, int line) {
        int n = cells.size();
        int m = header.size();
        if (n < m) {
            return error(line, header.label(n), "本行只有 " + n + " 个单元格，表头有 " + m
                    + " 列（单元格内换行是否未加引号？）；本行未导入");
        }
        for (int i = m; i < n; i++) {
            if (!cells.get(i).isBlank()) {
                return error(line, null, "本行有 " + n + " 个单元格，多于表头的 " + m + " 列（第 " + (i + 1)
                        + " 列有内容但没有列名；单元格内的逗号是否未加引号？）；本行未导入");
            }
        }
        return true;
    }

    /** Rows with undecodable bytes are reported per cell concerned and rejected, like invalid UTF-8 in JSON lines. */
    private boolean decodedOk(DecodedText text, CsvHeader header, List<String> cells, int line, int lastLine) {
        if (!text.isBad(line, lastLine)) {
            return true;
        }
        int bad = text.firstBad(line, lastLine);
        boolean named = false;
        for (int i = 0; i < header.size(); i++) {
            if (cells.get(i).indexOf('\uFFFD') >= 0) {
                error(bad, header.label(i), text.badMessage() + "；本行未导入");
                named = true;
            }
        }
        if (!named) {
            error(bad, null, text.badMessage() + "；本行未导入");
        }
        return false;
    }

    private void warnUnnamed(CsvHeader header, String cell, int column, int line) {
        if (header.label(column) == null && !cell.isBlank() && unnamedReported.add(column)) {
            problems.add(new Problem(Problem.Severity.WARNING, name, line, null,
                    "第 " + (column + 1) + " 列没有列名，其内容已忽略"));
        }
    }

    private static String describe(UncheckedIOException e) {
        String message = String.valueOf(e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
        if (message.contains("EOF reached before encapsulated token finished")) {
            return "引号没有闭合（本行开始的带引号单元格直到文件末尾都没有结束引号）";
        }
        if (message.contains("Invalid character between encapsulated token and delimiter")) {
            return "带引号的单元格在结束引号之后、逗号之前还有字符（单元格内的引号应写成两个 \"\"）";
        }
        return FieldType.shorten(message);
    }

    private boolean error(int line, String field, String message) {
        problems.add(new Problem(Problem.Severity.ERROR, name, line, field, message));
        return false;
    }
}
