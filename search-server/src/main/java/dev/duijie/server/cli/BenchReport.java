package dev.duijie.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bench command's one table: every figure as a row (section, workload, corpus size, configuration, figures,
 * the 1-minute load average while it was measured — other work shares the machine — and the target it is held
 * to), printed as text and written as JSON with the machine's description.
 */
final class BenchReport {
    /**
     * @param figures name → value, in print order (numbers are printed with up to 2 decimals)
     * @param target  the target for this row, or null
     * @param met     whether the target was met, or null when there is none or it cannot be judged here
     */
    record Row(String section, String workload, Integer records, String config, Map<String, Object> figures,
               double load1, String target, Boolean met) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final PrintWriter out;

    BenchReport(PrintWriter out) {
        this.out = out;
    }

    /** Adds a row and prints it at once, so a long run shows progress. */
    Row add(String section, String workload, Integer records, String config, Map<String, Object> figures,
            String target, Boolean met) {
        Row row = new Row(section, workload, records, config, figures, load1(), target, met);
        rows.add(row);
        out.println(line(row));
        out.flush();
        return row;
    }

    Row add(String section, String workload, Integer records, String config, Map<String, Object> figures) {
        return add(section, workload, records, config, figures, null, null);
    }

    List<Row> rows() {
        return rows;
    }

    /** The whole table again, after a heading with the machine. */
    void print() {
        out.println();
        out.println("== duijie bench: " + machine());
        out.printf("%-9s %-30s %9s %-22s %-62s %5s  %s%n", "section", "workload", "records", "config", "figures",
                "load", "target");
        rows.forEach(r -> out.println(line(r)));
        out.flush();
    }

    void write(Path file) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("machine", machine());
        doc.put("rows", rows);
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Files.writeString(file, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc),
                StandardCharsets.UTF_8);
    }

    private static String line(Row r) {
        StringBuilder figures = new StringBuilder();
        r.figures().forEach((k, v) -> figures.append(figures.length() == 0 ? "" : "  ").append(k).append(' ')
                .append(v instanceof Double d ? String.format("%.2f", d) : String.valueOf(v)));
        String target = r.target() == null ? "" : (r.met() == null ? "? " : r.met() ? "met " : "MISSED ") + r.target();
        return String.format("%-9s %-30s %9s %-22s %-62s %5.2f  %s", r.section(), r.workload(),
                r.records() == null ? "" : String.format("%,d", r.records()), r.config(), figures, r.load1(), target);
    }

    static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("date", Instant.now().toString());
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("memoryMB", ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize() >> 20);
        m.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        return m;
    }

    /** The 1-minute load average from /proc/loadavg (NaN where there is none). */
    static double load1() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
