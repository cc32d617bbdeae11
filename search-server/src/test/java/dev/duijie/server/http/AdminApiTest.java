package dev.duijie.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.duijie.Duijie;
import dev.duijie.corpus.CorpusLoader;
import dev.duijie.corpus.Kind;
import dev.duijie.data.BundledCorpus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Admin routes over real HTTP: token handling, upsert, delete, reindex; and their absence without a token. */
class AdminApiTest {
    static final String TOKEN = "s3cret-token";
    @TempDir
    static Path tmp;
    static Duijie duijie;
    static DuijieServer withToken;
    static DuijieServer withoutToken;
    static Path export;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        export = tmp.resolve("export");
        Files.createDirectories(export);
        Path src = BundledCorpus.directory();
        for (String f : List.of("institutions.jsonl", "experts.jsonl")) {
            Files.copy(src.resolve(f), export.resolve(f));
        }
        Files.write(export.resolve("results.jsonl"), Files.readAllLines(src.resolve("results.jsonl")).subList(0, 200));
        Path home = tmp.resolve("home");
        duijie = Duijie.build(CorpusLoader.load(export).corpus(), home, Duijie.Options.DEFAULT.withoutEmbeddings(),
                done -> { });
        withToken = DuijieServer.start(duijie, "127.0.0.1", 0, TOKEN, home);
        withoutToken = DuijieServer.start(duijie, "127.0.0.1", 0, null, home);
    }

    @AfterAll
    static void stop() throws java.io.IOException {
        withToken.close();
        withoutToken.close();
        duijie.close();
    }

    record Reply(int status, JsonNode json) {
    }

    static Reply call(DuijieServer s, String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(r.statusCode(), JSON.readTree(r.body()));
    }

    @Test
    void withoutAConfiguredTokenTheAdminRoutesDoNotExist() throws Exception {
        for (String[] c : List.of(new String[]{"POST", "/api/admin/reindex"}, new String[]{"PUT", "/api/admin/results/R1"},
                new String[]{"DELETE", "/api/admin/results/R1"})) {
            Reply r = call(withoutToken, c[0], c[1], "{}", TOKEN);
            assertEquals(404, r.status, c[1]);
            assertEquals("not_found", r.json.at("/error/code").asText());
        }
    }

    @Test
    void aMissingOrWrongTokenIsRefused() throws Exception {
        assertEquals(401, call(withToken, "DELETE", "/api/admin/results/R0001", null, null).status);
        assertEquals(401, call(withToken, "DELETE", "/api/admin/results/R0001", null, "wrong").status);
        assertEquals(401, call(withToken, "DELETE", "/api/admin/results/R0001", null, TOKEN + "x").status);
    }

    @Test
    void upsertAndDeleteChangeTheLiveIndexAtOnce() throws Exception {
        String record = "{\"title\":\"管理员补录：高导热氮化硅陶瓷基板\",\"summary\":\"管理员通过接口补录的成果，导热 90 W/(m·K)。\","
                + "\"keywords\":[\"氮化硅\"],\"trl\":6}";
        Reply put = call(withToken, "PUT", "/api/admin/results/ADMIN-1", record, TOKEN);
        assertEquals(200, put.status, put.json.toString());
        Reply got = call(withToken, "GET", "/api/results/ADMIN-1", null, null);
        assertEquals(200, got.status);
        assertEquals("管理员补录：高导热氮化硅陶瓷基板", got.json.at("/record/title").asText());
        Reply bad = call(withToken, "PUT", "/api/admin/results/ADMIN-2", "{\"title\":\"缺摘要\",\"trl\":12}", TOKEN);
        assertEquals(400, bad.status);
        assertTrue(bad.json.at("/error/message").asText().contains("summary"), bad.json.toString());
        assertEquals(400, call(withToken, "PUT", "/api/admin/results/ADMIN-3", "{\"id\":\"OTHER\",\"title\":\"T\",\"summary\":\"S\"}", TOKEN).status);
        Reply del = call(withToken, "DELETE", "/api/admin/results/ADMIN-1", null, TOKEN);
        assertEquals(200, del.status);
        assertEquals(404, call(withToken, "GET", "/api/results/ADMIN-1", null, null).status);
        assertEquals(404, call(withToken, "DELETE", "/api/admin/results/ADMIN-1", null, TOKEN).status);
    }

    @Test
    void reindexThroughTheApiSwitchesTheServedGeneration() throws Exception {
        String before = duijie.generation();
        Reply r = call(withToken, "POST", "/api/admin/reindex", JSON.writeValueAsString(java.util.Map.of("from", export.toString())), TOKEN);
        assertEquals(200, r.status, r.json.toString());
        assertEquals("OK", r.json.get("status").asText());
        Thread.sleep(1100);
        Reply health = call(withToken, "GET", "/api/health", null, null);
        assertFalse(before.equals(health.json.get("generation").asText()), health.json.toString());
        Reply missing = call(withToken, "POST", "/api/admin/reindex", "{\"from\":\"/no/such/dir\"}", TOKEN);
        assertEquals(422, missing.status, missing.json.toString());
        assertEquals("INPUT_REJECTED", missing.json.get("status").asText());
        assertEquals(400, call(withToken, "POST", "/api/admin/reindex", "{}", TOKEN).status);
    }
}
