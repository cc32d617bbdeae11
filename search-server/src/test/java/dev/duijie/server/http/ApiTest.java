package dev.duijie.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.duijie.corpus.Kind;
import dev.duijie.server.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTTP API over real HTTP on a random port, every response checked against the served OpenAPI document. */
class ApiTest {
    static TestServer server;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();
    static OpenApiValidator openApi;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        Reply doc = get("/openapi.json");
        assertEquals(200, doc.status);
        assertEquals("3.1.0", doc.json.get("openapi").asText());
        openApi = new OpenApiValidator(doc.json);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    record Reply(int status, String body, JsonNode json, String contentType) {
    }

    static Reply send(HttpRequest.Builder b) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        String type = r.headers().firstValue("content-type").orElse("");
        JsonNode json = type.startsWith("application/json") ? JSON.readTree(r.body()) : null;
        return new Reply(r.statusCode(), r.body(), json, type);
    }

    static Reply get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).GET());
    }

    static Reply post(String path, String body, String contentType) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static void conforms(Reply r, String schema) {
        List<String> problems = openApi.validate(r.json, schema);
        assertEquals(List.of(), problems, r.body.length() > 400 ? r.body.substring(0, 400) : r.body);
    }

    /** An error reply: status, code, a Chinese message, the documented shape, no stack trace. */
    static void error(Reply r, int status, String code, String mentions) {
        assertEquals(status, r.status, r.body);
        assertTrue(r.contentType.startsWith("application/json"), r.contentType);
        conforms(r, "Error");
        assertEquals(code, r.json.at("/error/code").asText(), r.body);
        String message = r.json.at("/error/message").asText();
        assertTrue(message.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                "message in Chinese: " + message);
        if (mentions != null) {
            assertTrue(message.contains(mentions), "message names " + mentions + ": " + message);
        }
        assertFalse(r.body.contains("Exception") || r.body.contains("\tat ") || r.body.contains("dev.duijie."), r.body);
    }

    @Test
    void healthReportsCounts() throws Exception {
        Reply r = get("/api/health");
        assertEquals(200, r.status);
        conforms(r, "Health");
        assertEquals(server.duijie().counts().get(Kind.RESULT), r.json.at("/counts/results").asInt());
        assertTrue(r.json.get("embeddings").asBoolean(), "the test server matches semantically: " + r.body);
        assertEquals("on", r.json.get("semantic").asText());
    }

    @Test
    void matchByTextReturnsExplainedResultsAndExperts() throws Exception {
        Reply r = post("/api/match", "{\"text\":\"我们厂的硬质合金刀片用不了多久就崩刃\",\"k\":5}", "application/json");
        assertEquals(200, r.status, r.body);
        conforms(r, "MatchResponse");
        JsonNode results = r.json.get("results");
        assertEquals(5, results.size());
        for (JsonNode h : results) {
            assertEquals(h.get("matchPercent"), h.get("匹配度"));
            assertEquals(h.get("reasons").size(), h.get("匹配理由").size());
            assertEquals("results", h.get("kind").asText());
        }
        assertTrue(r.json.get("experts").size() > 0);
        assertTrue(r.json.get("experts").get(0).has("evidence"));
    }

    @Test
    void matchByNeedIdAddsStructuredReasons() throws Exception {
        String needId = server.duijie().search(Kind.NEED, "", dev.duijie.match.Filters.NONE, 1, 1).hits().get(0).id();
        Reply r = post("/api/match", "{\"needId\":\"" + needId + "\",\"experts\":false,\"filters\":{\"trlMin\":1}}",
                "application/json; charset=utf-8");
        assertEquals(200, r.status, r.body);
        conforms(r, "MatchResponse");
        assertEquals(needId, r.json.at("/need/id").asText());
        assertEquals(0, r.json.get("experts").size());
        Reply same = get("/api/needs/" + needId + "/matches?k=3");
        assertEquals(200, same.status);
        conforms(same, "MatchResponse");
        assertEquals(3, same.json.get("results").size());
    }

    @Test
    void reverseMatchingAndRecords() throws Exception {
        String resultId = server.duijie().search(Kind.RESULT, "", dev.duijie.match.Filters.NONE, 1, 1).hits().get(0).id();
        Reply needs = get("/api/results/" + resultId + "/needs?k=4");
        assertEquals(200, needs.status, needs.body);
        conforms(needs, "ReverseResponse");
        assertEquals(4, needs.json.get("needs").size());
        Reply record = get("/api/results/" + resultId);
        assertEquals(200, record.status);
        conforms(record, "RecordResponse");
        assertEquals(resultId, record.json.at("/record/id").asText());
        assertTrue(record.json.has("institution") || record.json.at("/record/institution").isMissingNode());
        for (String kind : List.of("needs", "experts", "institutions")) {
            String id = server.duijie().search(Kind.parse(kind).orElseThrow(), "", dev.duijie.match.Filters.NONE, 1, 1)
                    .hits().get(0).id();
            Reply r = get("/api/" + kind + "/" + id);
            assertEquals(200, r.status, kind);
            conforms(r, "RecordResponse");
        }
    }

    @Test
    void searchPagesFiltersAndCountsFacets() throws Exception {
        Reply all = get("/api/search?q=" + enc("检测") + "&size=5");
        assertEquals(200, all.status, all.body);
        conforms(all, "SearchPage");
        assertEquals(5, all.json.get("hits").size());
        long total = all.json.get("total").asLong();
        String industry = all.json.at("/hits/0/record/industry").asText();
        int facet = all.json.at("/facets/industry").get(industry).asInt();
        Reply filtered = get("/api/search?q=" + enc("检测") + "&industry=" + enc(industry) + "&size=100");
        assertEquals(facet, filtered.json.get("total").asInt(), "the facet count is the filtered total");
        assertTrue(facet <= total);
        filtered.json.get("hits").forEach(h -> assertEquals(industry, h.at("/record/industry").asText()));
        Reply page2 = get("/api/search?q=" + enc("检测") + "&size=5&page=2");
        assertFalse(page2.json.at("/hits/0/id").asText().equals(all.json.at("/hits/0/id").asText()));
        Reply needs = get("/api/search?kind=needs&region=" + enc("醴陵市") + "&size=20");
        assertEquals(200, needs.status);
        needs.json.get("hits").forEach(h -> assertEquals("醴陵市", h.at("/record/region").asText()));
        Reply trl = get("/api/search?q=" + enc("电池") + "&trlMin=7&trlMax=9&size=50");
        trl.json.get("hits").forEach(h -> assertTrue(h.at("/record/trl").asInt() >= 7));
    }

    @Test
    void suggestCompletesPrefixes() throws Exception {
        Reply r = get("/api/suggest?q=" + enc("碳化"));
        assertEquals(200, r.status);
        conforms(r, "Suggestions");
        assertTrue(r.json.get("suggestions").size() > 0);
        r.json.get("suggestions").forEach(s -> assertTrue(s.get("text").asText().startsWith("碳化")
                || s.get("text").asText().toLowerCase().startsWith("碳化")));
        assertEquals(0, get("/api/suggest?q=").json.get("suggestions").size());
    }

    @Test
    void badRequestsNameTheParameter() throws Exception {
        error(post("/api/match", "{\"text\":", "application/json"), 400, "invalid_json", null);
        error(post("/api/match", "[1,2]", "application/json"), 400, "invalid_json", null);
        error(post("/api/match", "{\"text\":\"a\",\"text\":\"b\"}", "application/json"), 400, "invalid_json", null);
        error(post("/api/match", "{\"text\":42}", "application/json"), 400, "bad_parameter", "text");
        error(post("/api/match", "{\"text\":\"碳化硅\",\"k\":\"10\"}", "application/json"), 400, "bad_parameter", "k");
        error(post("/api/match", "{\"text\":\"碳化硅\",\"k\":1000}", "application/json"), 400, "bad_parameter", "k");
        error(post("/api/match", "{\"text\":\"碳化硅\",\"limit\":3}", "application/json"), 400, "bad_parameter", "limit");
        error(post("/api/match", "{\"text\":\"  \"}", "application/json"), 400, "bad_parameter", "text");
        error(post("/api/match", "{\"text\":\"碳化硅\",\"needId\":\"N0001\"}", "application/json"), 400, "bad_parameter", "needId");
        error(post("/api/match", "{\"text\":\"碳化硅\",\"filters\":{\"trlMin\":8,\"trlMax\":2}}", "application/json"),
                400, "bad_parameter", "filters");
        error(post("/api/match", "{\"text\":\"碳化硅\",\"filters\":{\"industries\":[1]}}", "application/json"),
                400, "bad_parameter", "filters.industries");
        error(post("/api/match", "{\"text\":\"碳化硅\",\"filters\":{\"dateFrom\":\"2024-13-01\"}}", "application/json"),
                400, "bad_parameter", "filters.dateFrom");
        error(post("/api/match", "{\"text\":\"碳化硅\",\"filters\":{\"regions\":[\"醴陵市\"]}}", "application/json"),
                400, "bad_parameter", "filters.regions");
        error(get("/api/search?q=" + enc("电池") + "&page=abc"), 400, "bad_parameter", "page");
        error(get("/api/search?q=" + enc("电池") + "&size=0"), 400, "bad_parameter", "size");
        error(get("/api/search?q=" + enc("电池") + "&trlMin=0"), 400, "bad_parameter", "trlMin");
        error(get("/api/search?kind=people&q=x"), 400, "bad_parameter", "kind");
        error(get("/api/search?q=" + enc("长".repeat(201))), 400, "bad_parameter", "q");
        error(get("/api/search?q=x&page=2000&size=100"), 400, "bad_parameter", "page");
        error(get("/api/needs/N0001/matches?k=-1"), 400, "bad_parameter", "k");
    }

    @Test
    void notFoundMethodSizeAndContentTypeErrors() throws Exception {
        error(get("/api/results/NO-SUCH-ID"), 404, "not_found", "NO-SUCH-ID");
        error(get("/api/needs/NO-SUCH/matches"), 404, "not_found", null);
        error(post("/api/match", "{\"needId\":\"NO-SUCH\"}", "application/json"), 404, "not_found", null);
        error(get("/api/nothing/here/at/all"), 404, "not_found", null);
        error(send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/health")).DELETE()), 405,
                "method_not_allowed", null);
        error(post("/api/match", "{\"text\":\"" + "长".repeat(400_000) + "\"}", "application/json"), 413,
                "payload_too_large", null);
        error(post("/api/match", "{\"text\":\"碳化硅\"}", "text/plain"), 415, "unsupported_media_type", null);
        error(post("/api/match", "{\"text\":\"碳化硅\"}", null), 415, "unsupported_media_type", null);
    }

    @Test
    void hostileInputIsHandled() throws Exception {
        for (String id : List.of("..%2F..%2Fetc%2Fpasswd", "%2e%2e", "a%20b", "R0001%00", "x".repeat(200))) {
            Reply r = get("/api/results/" + id);
            assertTrue(r.status == 400 || r.status == 404, id + " → " + r.status);
            assertTrue(List.of("bad_parameter", "bad_request", "not_found").contains(r.json.at("/error/code").asText()), r.body);
            error(r, r.status, r.json.at("/error/code").asText(), null);
        }
        for (String q : List.of("title:IGBT OR *", "\"unclosed", "<script>alert(1)</script>", "(((", "😀", "a\\b")) {
            assertEquals(200, get("/api/search?q=" + enc(q)).status, q);
            Reply m = post("/api/match", JSON.writeValueAsString(java.util.Map.of("text", q)), "application/json");
            assertEquals(200, m.status, q + ": " + m.body);
        }
        Reply deep = post("/api/match", "[".repeat(100_000) + "]".repeat(100_000), "application/json");
        error(deep, 400, "invalid_json", null);
        Reply wrongEncoding = send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/match"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray("{\"text\":\"碳化硅\"}".getBytes(java.nio.charset.Charset.forName("GBK")))));
        assertTrue(wrongEncoding.status == 200 || wrongEncoding.status == 400, wrongEncoding.body);
    }

    @Test
    void staffPageAndMetricsAreServed() throws Exception {
        Reply page = get("/");
        assertEquals(200, page.status);
        assertTrue(page.contentType.startsWith("text/html"), page.contentType);
        assertTrue(page.body.contains("对接"), "the page is Chinese");
        get("/api/health");
        Reply metrics = get("/metrics");
        assertEquals(200, metrics.status);
        assertTrue(metrics.contentType.startsWith("text/plain"));
        assertTrue(metrics.body.contains("duijie_http_requests_total{method=\"GET\",route=\"/api/health\",status=\"200\"}"),
                metrics.body);
        assertTrue(metrics.body.contains("duijie_http_request_duration_seconds_bucket{route=\"/api/health\",le=\"+Inf\"}"));
        assertTrue(metrics.body.contains("duijie_index_documents{kind=\"results\"}"));
        assertTrue(metrics.body.matches("(?s).*\nduijie_index_size_bytes [1-9][0-9]*\n.*"), "index size gauge");
        assertTrue(metrics.body.contains("duijie_index_generation 1"), "generation gauge");
    }

    @Test
    void everyDocumentedPathAnswers() throws Exception {
        JsonNode paths = get("/openapi.json").json.get("paths");
        for (java.util.Iterator<String> it = paths.fieldNames(); it.hasNext(); ) {
            String p = it.next();
            if (p.startsWith("/api/admin/")) {
                continue; // behind a token; AdminApiTest covers them
            }
            String concrete = p.replace("{kind}", "results").replace("{id}", server.duijie()
                    .search(p.startsWith("/api/needs") ? Kind.NEED : Kind.RESULT, "", dev.duijie.match.Filters.NONE, 1, 1)
                    .hits().get(0).id());
            Reply r = paths.get(p).has("post") ? post(concrete, "{\"text\":\"陶瓷\"}", "application/json") : get(concrete);
            assertEquals(200, r.status, p + ": " + r.body);
        }
    }
}
