package dev.duijie.embed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@link BertTokenizer} against ids from HuggingFace's tokenizer for the same tokenizer.json with
 * {@code lowercase: true}, committed by {@link ParityReferenceGenerator}.
 */
class BertTokenizerParityTest {

    private static final String REFERENCE = "/embed/tokenizer-parity.jsonl";

    record Case(String kind, String text, int[] ids) {
    }

    static List<Case> reference() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Case> cases = new ArrayList<>();
        try (InputStream in = BertTokenizerParityTest.class.getResourceAsStream(REFERENCE)) {
            assertNotNull(in, REFERENCE);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                JsonNode n = json.readTree(line);
                int[] ids = new int[n.path("ids").size()];
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = n.path("ids").get(i).intValue();
                }
                cases.add(new Case(n.path("kind").asText(), n.path("text").asText(), ids));
            }
        }
        return cases;
    }

    @Test
    void everyTextHasHuggingFacesIds() throws IOException {
        BertTokenizer tokenizer = BertTokenizer.bgeSmallZh();
        List<Case> cases = reference();
        assertTrue(cases.size() >= 200, "reference texts: " + cases.size());
        List<Case> mismatches = new ArrayList<>();
        for (Case c : cases) {
            if (!Arrays.equals(c.ids(), tokenizer.encode(c.text()).ids())) {
                mismatches.add(c);
            }
        }
        if (!mismatches.isEmpty()) {
            Case c = mismatches.get(0);
            int[] actual = tokenizer.encode(c.text()).ids();
            int at = Arrays.mismatch(c.ids(), actual);
            fail(String.format("%d of %d texts differ; first (%s) \"%s\"%n at id %d:%n expected %s%n actual   %s",
                    mismatches.size(), cases.size(), c.kind(), escape(c.text()), at,
                    window(tokenizer, c.ids(), at), window(tokenizer, actual, at)));
        }
    }

    /** Tokens around a position, e.g. "… ig ##bt [UNK] …". */
    private static String window(BertTokenizer tokenizer, int[] ids, int at) {
        int from = Math.max(0, at - 5);
        int to = Math.min(ids.length, at + 6);
        return (from > 0 ? "… " : "") + IntStream.range(from, to)
                .mapToObj(i -> (i == at ? ">>" : "") + tokenizer.token(ids[i]) + "(" + ids[i] + ")")
                .collect(Collectors.joining(" ")) + (to < ids.length ? " …" : "") + "  [" + ids.length + " ids]";
    }

    private static String escape(String s) {
        String shown = s.length() > 120 ? s.substring(0, 120) + "…" : s;
        StringBuilder b = new StringBuilder();
        shown.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT || c == 0x85) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }
}
