package dev.duijie.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The results of one or more modes on one corpus, as a fixed-width table for people and as JSON for tools.
 *
 * <p>JSON shape (key order fixed, other tools read it):
 * <pre>{"corpus": "…", "modes": {"lexical": {"need-result": {"ndcg@10": …, "recall@50": …, "mrr@10": …,
 * "p@5": …, "queries": n}, …, "all": {…}, "need-result/tuning": {…}, …}, …},
 * "perQuery": [{"mode": …, "qid": …, "type": …, "half": …, "ndcg@10": …, "recall@50": …, "mrr@10": …,
 * "p@5": …}, …]}</pre>
 * Groups come from {@link EvalResult#summary()}: types without queries are left out, halves follow the plain
 * groups. No-answer counts are only in the table, to keep the JSON shape exact.
 */
public final class EvalReport {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private final String corpus;
    private final List<EvalResult> results = new ArrayList<>();

    public EvalReport(String corpus) {
        this.corpus = corpus;
    }

    /** Adds a mode's result; modes are reported in the order added. */
    public EvalReport add(EvalResult result) {
        if (results.stream().anyMatch(r -> r.mode().equals(result.mode()))) {
            throw new IllegalArgumentException("mode " + result.mode() + " already in the report");
        }
        results.add(result);
        return this;
    }

    /** Adds several modes' results, e.g. from {@link Evaluator#evaluate(Map)}. */
    public EvalReport addAll(List<EvalResult> more) {
        more.forEach(this::add);
        return this;
    }

    public String corpus() {
        return corpus;
    }

    public List<EvalResult> results() {
        return List.copyOf(results);
    }

    /** A row per mode × group, metrics with 4 decimals, then a line per mode with its no-answer counts. */
    public void printTable(PrintWriter out) {
        int modeWidth = Math.max(8, results.stream().mapToInt(r -> r.mode().length()).max().orElse(0));
        String rowFormat = "%-" + modeWidth + "s  %-22s %9s %10s %8s %8s %9s %8s%n";
        out.printf(Locale.ROOT, "corpus: %s%n", corpus);
        out.printf(Locale.ROOT, rowFormat, "mode", "group", "nDCG@10", "Recall@50", "MRR@10", "P@5", "Judged@10", "queries");
        for (EvalResult r : results) {
            r.summary().forEach((group, s) -> out.printf(Locale.ROOT, rowFormat, r.mode(), group,
                    f(s.ndcg10()), f(s.recall50()), f(s.mrr10()), f(s.p5()), f(s.judged10()), s.queries()));
        }
        for (EvalResult r : results) {
            StringBuilder line = new StringBuilder("no-answer (").append(r.mode()).append("): ");
            r.noAnswer().forEach((type, n) -> line.append(type.label()).append(' ').append(n).append(", "));
            line.append("total ").append(r.noAnswerTotal());
            out.println(line);
        }
        out.flush();
    }

    /** Writes the JSON described in the class comment, UTF-8, creating parent directories. */
    public void writeJson(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            JSON.writeValue(out, toJson());
        }
    }

    ObjectNode toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("corpus", corpus);
        ObjectNode modes = root.putObject("modes");
        for (EvalResult r : results) {
            ObjectNode mode = modes.putObject(r.mode());
            r.summary().forEach((group, s) -> {
                ObjectNode g = mode.putObject(group);
                metrics(g, s.ndcg10(), s.recall50(), s.mrr10(), s.p5(), s.judged10());
                g.put("queries", s.queries());
            });
        }
        ArrayNode perQuery = root.putArray("perQuery");
        for (EvalResult r : results) {
            for (QueryRow row : r.rows()) {
                ObjectNode q = perQuery.addObject();
                q.put("mode", row.mode());
                q.put("qid", row.qid());
                q.put("type", row.type().label());
                q.put("half", row.half().label());
                metrics(q, row.ndcg10(), row.recall50(), row.mrr10(), row.p5(), row.judged10());
            }
        }
        return root;
    }

    private static void metrics(ObjectNode node, double ndcg, double recall, double mrr, double p, double judged) {
        node.put("ndcg@10", ndcg);
        node.put("recall@50", recall);
        node.put("mrr@10", mrr);
        node.put("p@5", p);
        node.put("judged@10", judged);
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
