package dev.duijie.server.http;

import dev.duijie.Duijie;
import dev.duijie.corpus.Kind;
import dev.duijie.corpus.Need;
import dev.duijie.corpus.Result;
import dev.duijie.index.RecordJson;
import dev.duijie.match.Filters;
import dev.duijie.match.Hit;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The HTTP server: the JSON API (documented at {@code /openapi.json}), the staff page at {@code /} and
 * {@code /metrics}. Handlers only parse, call the library and map to JSON; errors are answered as
 * {@code {"error":{"code","message"}}} with a Chinese message, never a stack trace.
 */
public final class DuijieServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DuijieServer.class);
    /** Request bodies over 1 MB are refused with 413 before they are read. */
    public static final long MAX_BODY_BYTES = 1_000_000;

    private final Duijie duijie;
    private final JsonViews views;
    private final RouteMetrics metrics = new RouteMetrics();
    private final Javalin app;
    private final String openApi;

    private DuijieServer(Duijie duijie, String host, int port, String adminToken, java.nio.file.Path indexHome) {
        this.duijie = duijie;
        AdminRoutes admin = new AdminRoutes(duijie, adminToken, indexHome);
        this.views = new JsonViews(duijie);
        this.openApi = resource("/openapi.json");
        this.app = Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(RecordJson.MAPPER, false));
            config.http.maxRequestSize = MAX_BODY_BYTES;
            config.http.prefer405over404 = true;
            config.startup.showJavalinBanner = false;
            config.staticFiles.add("/web", Location.CLASSPATH);
            config.jetty.modifyServer(server -> server.setErrorHandler(new JettyJsonErrors()));
            config.requestLogger.http((ctx, ms) -> {
                String route = route(ctx);
                metrics.record(ctx.method().name(), route, ctx.statusCode(), ms / 1000.0);
                // Path only: query strings and bodies carry need texts, which stay out of the log.
                LOG.info("{} {} {} {} ms", ctx.method(), ctx.path(), ctx.statusCode(), Math.round(ms));
            });
            config.routes.post("/api/match", this::match);
            config.routes.get("/api/needs/{id}/matches", this::needMatches);
            config.routes.get("/api/results/{id}/needs", this::resultNeeds);
            config.routes.get("/api/search", this::search);
            config.routes.get("/api/suggest", this::suggest);
            config.routes.get("/api/health", this::health);
            config.routes.get("/api/{kind}/{id}", this::get);
            config.routes.before("/api/admin/*", admin::authorize);
            config.routes.post("/api/admin/reindex", admin::reindex);
            config.routes.put("/api/admin/{kind}/{id}", admin::upsert);
            config.routes.delete("/api/admin/{kind}/{id}", admin::delete);
            config.routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
            config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                    .result(metrics.scrape(gauges())));
            config.routes.exception(ApiException.class, (e, ctx) -> error(ctx, e.status, e.code, e.getMessage()));
            config.routes.exception(IllegalArgumentException.class,
                    (e, ctx) -> error(ctx, 400, "bad_request", e.getMessage()));
            config.routes.exception(NoSuchElementException.class, (e, ctx) -> error(ctx, 404, "not_found", e.getMessage()));
            config.routes.exception(HttpResponseException.class, (e, ctx) -> httpError(ctx, e.getStatus()));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("unhandled error on {} {}", ctx.method(), ctx.path(), e);
                error(ctx, 500, "internal", "服务器内部错误，请稍后重试；如果反复出现，请联系管理员");
            });
            config.routes.error(404, ctx -> {
                if (!isJsonError(ctx)) {
                    httpError(ctx, 404); // unknown paths; our own 404s already carry a JSON error body
                }
            });
            config.routes.error(405, ctx -> httpError(ctx, 405));
            config.routes.error(413, ctx -> httpError(ctx, 413));
        });
        app.start(host, port);
    }

    /** Starts serving {@code duijie} on {@code host:port} (port 0 picks a free one), without admin routes. */
    public static DuijieServer start(Duijie duijie, String host, int port) {
        return new DuijieServer(duijie, host, port, null, null);
    }

    /**
     * Starts serving with the admin routes enabled when {@code adminToken} is non-blank; {@code indexHome} is where
     * {@code POST /api/admin/reindex} builds generations.
     */
    public static DuijieServer start(Duijie duijie, String host, int port, String adminToken, java.nio.file.Path indexHome) {
        return new DuijieServer(duijie, host, port, adminToken, indexHome);
    }

    public int port() {
        return app.port();
    }

    /** Stops accepting requests and lets running ones finish (Jetty's graceful stop). */
    @Override
    public void close() {
        app.stop();
    }

    // ---- handlers ----

    private void match(Context ctx) throws IOException {
        requireJson(ctx);
        MatchRequest req = MatchRequest.parse(ctx.body());
        Map<String, Object> out = new LinkedHashMap<>();
        List<Hit> results;
        List<Hit> experts = List.of();
        if (req.needId() != null) {
            Need need = need(req.needId());
            out.put("need", need);
            results = duijie.matchNeed(need.id(), req.filters(), req.k());
            if (req.experts()) {
                experts = duijie.matchExpertsForNeed(need.id(), req.filters(), req.k());
            }
        } else {
            results = duijie.match(req.text(), req.filters(), req.k());
            if (req.experts()) {
                experts = duijie.matchExperts(req.text(), req.filters(), req.k());
            }
        }
        out.put("results", views.hits(results));
        out.put("experts", views.hits(experts));
        ctx.json(out);
    }

    private void needMatches(Context ctx) throws IOException {
        Need need = need(Params.id(ctx));
        int k = Params.intParam(ctx, "k", 10, 1, 100);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("need", need);
        out.put("results", views.hits(duijie.matchNeed(need.id(), Filters.NONE, k)));
        out.put("experts", views.hits(duijie.matchExpertsForNeed(need.id(), Filters.NONE, k)));
        ctx.json(out);
    }

    private void resultNeeds(Context ctx) throws IOException {
        String id = Params.id(ctx);
        Result result = (Result) duijie.get(Kind.RESULT, id).orElseThrow(() -> ApiException.notFound("成果不存在：" + id));
        int k = Params.intParam(ctx, "k", 10, 1, 100);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("result", result);
        out.put("needs", views.hits(duijie.matchNeeds(id, Filters.NONE, k)));
        ctx.json(out);
    }

    private void search(Context ctx) throws IOException {
        Kind kind = Params.kind("kind", Params.text(ctx, "kind").orElse("results"));
        Filters filters;
        try {
            filters = new Filters(Set.copyOf(Params.values(ctx, "industry")), Set.copyOf(Params.values(ctx, "institution")),
                    Set.copyOf(Params.values(ctx, "region")), Params.optionalInt(ctx, "trlMin", 1, 9),
                    Params.optionalInt(ctx, "trlMax", 1, 9), Set.copyOf(Params.values(ctx, "ipType")),
                    Set.copyOf(Params.values(ctx, "transferMode")), Params.date("dateFrom", ctx.queryParam("dateFrom")),
                    Params.date("dateTo", ctx.queryParam("dateTo")));
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter("trlMin/trlMax 或 dateFrom/dateTo", "范围上下限颠倒");
        }
        int page = Params.intParam(ctx, "page", 1, 1, 1000);
        int size = Params.intParam(ctx, "size", 10, 1, 100);
        if ((long) page * size > 10_000) {
            throw ApiException.badParameter("page", "page × size 不能超过 10000");
        }
        String q = Params.text(ctx, "q").orElse("");
        if (q.length() > 200) {
            throw ApiException.badParameter("q", "查询过长（上限 200 个字符）；长文本请用需求匹配 POST /api/match");
        }
        ctx.json(views.page(duijie.search(kind, q, filters, page, size)));
    }

    private void suggest(Context ctx) throws IOException {
        String q = Params.text(ctx, "q").orElse("");
        if (q.length() > 50) {
            throw ApiException.badParameter("q", "联想前缀过长（上限 50 个字符）");
        }
        int n = Params.intParam(ctx, "n", 8, 1, 20);
        ctx.json(Map.of("suggestions", q.isEmpty() ? List.of() : duijie.suggest(q, n).stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("text", s.text());
            m.put("source", s.source());
            m.put("kind", s.kind().plural());
            if (s.id() != null) {
                m.put("id", s.id());
            }
            return m;
        }).toList()));
    }

    private void health(Context ctx) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", "ok");
        out.put("generation", duijie.generation());
        Map<String, Integer> counts = new LinkedHashMap<>();
        duijie.counts().forEach((k, v) -> counts.put(k.plural(), v));
        out.put("counts", counts);
        Duijie.Semantic semantic = duijie.semantic();
        out.put("embeddings", semantic == Duijie.Semantic.ON);
        out.put("semantic", semantic.name().toLowerCase(java.util.Locale.ROOT));
        ctx.json(out);
    }

    private void get(Context ctx) throws IOException {
        Kind kind = Params.kind("kind", ctx.pathParam("kind"));
        String id = Params.id(ctx);
        Object record = duijie.get(kind, id).orElseThrow(() -> ApiException.notFound(kind.label() + "不存在：" + id));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", kind.plural());
        out.put("record", record);
        out.putAll(views.related(record));
        ctx.json(out);
    }

    // ---- helpers ----

    private Need need(String id) throws IOException {
        return (Need) duijie.get(Kind.NEED, id).orElseThrow(() -> ApiException.notFound("需求不存在：" + id));
    }

    /** The request body as a JSON tree; invalid JSON is a 400 naming the problem. */
    static com.fasterxml.jackson.databind.JsonNode jsonBody(Context ctx) {
        try {
            com.fasterxml.jackson.databind.JsonNode n = RecordJson.MAPPER.readTree(ctx.body());
            if (n == null) {
                throw new ApiException(400, "invalid_json", "请求体为空");
            }
            return n;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ApiException(400, "invalid_json", "请求体不是合法的 JSON：" + Params.shorten(String.valueOf(e.getOriginalMessage())));
        }
    }

    static void requireJson(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new ApiException(415, "unsupported_media_type", "请求体须为 JSON，请设置 Content-Type: application/json");
        }
    }

    /** Index gauges, read once per scrape: documents per kind, size on disk, generation number. */
    private Map<String, Number> gauges() throws IOException {
        Map<String, Number> g = new LinkedHashMap<>();
        duijie.counts().forEach((k, n) -> g.put("duijie_index_documents{kind=\"" + k.plural() + "\"}", n));
        g.put("duijie_index_size_bytes", duijie.indexSizeBytes());
        String digits = duijie.generation().replaceAll("\\D", "");
        g.put("duijie_index_generation", digits.isEmpty() ? 0 : Long.parseLong(digits));
        return g;
    }

    private static String route(Context ctx) {
        try {
            return ctx.endpoint().path;
        } catch (RuntimeException e) {
            return "unmatched"; // 404s and static files: one label, whatever the path
        }
    }

    private static boolean isJsonError(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith("application/json") && ctx.statusCode() == 404
                && ctx.path().startsWith("/api/");
    }

    private static void httpError(Context ctx, int status) {
        switch (status) {
            case 404 -> error(ctx, 404, "not_found", "没有这个地址：" + Params.shorten(ctx.path()));
            case 405 -> error(ctx, 405, "method_not_allowed", "该地址不支持 " + ctx.method() + " 请求");
            case 413 -> error(ctx, 413, "payload_too_large", "请求体过大（上限 1 MB），请缩短需求文本");
            default -> error(ctx, status, "http_" + status, "请求无法处理（HTTP " + status + "）");
        }
    }

    private static void error(Context ctx, int status, String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        ctx.status(status).json(Map.of("error", body));
    }

    private static String resource(String name) {
        try (InputStream in = DuijieServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
