package dev.duijie.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvalReportTest {
    private static final List<String> METRICS = List.of("ndcg@10", "recall@50", "mrr@10", "p@5", "judged@10");

    @TempDir
    Path dir;

    /** "N1" is in the tuning half, "N001" in the reporting half (see HalfTest). */
    private static EvalResult lexical() {
        return new EvalResult("lexical", List.of(
                new QueryRow("lexical", "N1", QueryType.NEED_RESULT, Half.TUNING, 1.0, 1.0, 1.0, 0.2, 1.0),
                new QueryRow("lexical", "N001", QueryType.NEED_RESULT, Half.REPORTING, 0.5, 0.5, 0.5, 0.4, 1.0),
                new QueryRow("lexical", "N1", QueryType.NEED_EXPERT, Half.TUNING, 0.25, 1.0, 0.25, 0.0, 1.0),
                new QueryRow("lexical", "Q1", QueryType.STAFF_QUERY, Half.TUNING, 0.0, 0.0, 0.0, 0.0, 1.0)),
                Map.of(QueryType.STAFF_QUERY, 2));
    }

    /** A baseline that has no experts: its mode must not list need-expert. */
    private static EvalResult baseline() {
        return new EvalResult("baseline", List.of(
                new QueryRow("baseline", "N1", QueryType.NEED_RESULT, Half.TUNING, 0.75, 1.0, 0.5, 0.2, 1.0)),
                Map.of());
    }

    private static List<String> keys(JsonNode node) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }

    @Test
    void jsonHasTheExactShapeAndKeyOrder() throws Exception {
        Path file = dir.resolve("out/eval.json");
        new EvalReport("示例语料").add(lexical()).add(baseline()).writeJson(file);
        JsonNode root = new ObjectMapper().readTree(file.toFile());

        assertEquals(List.of("corpus", "modes", "perQuery"), keys(root));
        assertEquals("示例语料", root.get("corpus").asText());
        assertEquals(List.of("lexical", "baseline"), keys(root.get("modes")));

        JsonNode lex = root.get("modes").get("lexical");
        assertEquals(List.of("need-result", "need-expert", "staff-query", "all",
                "need-result/tuning", "need-result/reporting", "need-expert/tuning", "staff-query/tuning",
                "all/tuning", "all/reporting"), keys(lex));
        for (String group : keys(lex)) {
            JsonNode g = lex.get(group);
            assertEquals(List.of("ndcg@10", "recall@50", "mrr@10", "p@5", "judged@10", "queries"), keys(g), group);
            for (String m : METRICS) {
                assertTrue(g.get(m).isNumber(), group + " " + m);
            }
            assertTrue(g.get("queries").isIntegralNumber(), group);
        }
        assertEquals(0.75, lex.get("need-result").get("ndcg@10").asDouble(), 1e-12);
        assertEquals(2, lex.get("need-result").get("queries").asInt());
        assertEquals(4, lex.get("all").get("queries").asInt());
        assertEquals(0.5, lex.get("need-result/reporting").get("recall@50").asDouble(), 1e-12);
        assertEquals(3, lex.get("all/tuning").get("queries").asInt());

        assertEquals(List.of("need-result", "all", "need-result/tuning", "all/tuning"),
                keys(root.get("modes").get("baseline")));

        JsonNode perQuery = root.get("perQuery");
        assertTrue(perQuery.isArray());
        assertEquals(5, perQuery.size());
        JsonNode first = perQuery.get(0);
        assertEquals(List.of("mode", "qid", "type", "half", "ndcg@10", "recall@50", "mrr@10", "p@5", "judged@10"), keys(first));
        assertEquals("lexical", first.get("mode").asText());
        assertEquals("N1", first.get("qid").asText());
        assertEquals("need-result", first.get("type").asText());
        assertEquals("tuning", first.get("half").asText());
        assertEquals("reporting", perQuery.get(1).get("half").asText());
        assertEquals("need-expert", perQuery.get(2).get("type").asText());
        assertEquals("staff-query", perQuery.get(3).get("type").asText());
        assertEquals("baseline", perQuery.get(4).get("mode").asText());
        assertTrue(first.get("p@5").isNumber());
    }

    @Test
    void tableHasARowPerModeAndGroupAndNoAnswerLines() {
        StringWriter text = new StringWriter();
        new EvalReport("demo").add(lexical()).add(baseline()).printTable(new PrintWriter(text));
        String[] lines = text.toString().split("\n");
        // corpus line + header + 10 lexical groups + 4 baseline groups + 2 no-answer lines
        assertEquals(1 + 1 + 10 + 4 + 2, lines.length, text.toString());
        assertTrue(lines[1].contains("nDCG@10") && lines[1].contains("Recall@50") && lines[1].contains("P@5"));
        String needResult = lines[2];
        assertTrue(needResult.startsWith("lexical") && needResult.contains("need-result"), needResult);
        assertTrue(needResult.contains("0.7500 ") && needResult.contains("0.3000"), needResult);
        assertTrue(needResult.strip().endsWith(" 2"), needResult);
        // Fixed width: every metric row is as long as the header.
        for (int i = 2; i < 16; i++) {
            assertEquals(lines[1].length(), lines[i].length(), lines[i]);
        }
        assertEquals("no-answer (lexical): need-result 0, need-expert 0, staff-query 2, total 2", lines[16]);
        assertTrue(lines[17].startsWith("no-answer (baseline):"));
    }

    @Test
    void rejectsTheSameModeTwice() {
        EvalReport report = new EvalReport("demo").add(lexical());
        assertThrows(IllegalArgumentException.class, () -> report.add(lexical()));
    }
}
