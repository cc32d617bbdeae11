package dev.duijie.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.duijie.Duijie;
import dev.duijie.corpus.CorpusLoader;
import dev.duijie.corpus.Kind;
import dev.duijie.corpus.Problem;
import dev.duijie.index.IndexHome;
import dev.duijie.index.RecordJson;
import dev.duijie.reindex.Progress;
import dev.duijie.reindex.ReindexReport;
import dev.duijie.reindex.Reindexer;
import io.javalin.http.Context;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/admin/…}: reindex, upsert and delete, behind a bearer token from {@code DUIJIE_ADMIN_TOKEN}. Without a
 * token configured the routes answer 404, as if they did not exist; the token is compared in constant time.
 */
final class AdminRoutes {
    private final Duijie duijie;
    private final byte[] token;
    private final Path indexHome;

    AdminRoutes(Duijie duijie, String token, Path indexHome) {
        this.duijie = duijie;
        this.token = token == null || token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
        this.indexHome = indexHome;
    }

    /** Runs before every admin route. */
    void authorize(Context ctx) {
        if (token == null) {
            throw ApiException.notFound("没有这个地址：" + Params.shorten(ctx.path()));
        }
        String header = ctx.header("Authorization");
        byte[] given = header != null && header.startsWith("Bearer ")
                ? header.substring(7).strip().getBytes(StandardCharsets.UTF_8) : new byte[0];
        if (!MessageDigest.isEqual(token, given)) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new ApiException(401, "unauthorized", "需要管理员令牌：请在 Authorization 头中提供 Bearer 令牌");
        }
    }

    void reindex(Context ctx) throws IOException {
        DuijieServer.requireJson(ctx);
        JsonNode body = DuijieServer.jsonBody(ctx);
        JsonNode from = body.get("from");
        if (from == null || !from.isTextual() || from.asText().isBlank()) {
            throw ApiException.badParameter("from", "应为服务器上导出目录的路径");
        }
        if (indexHome == null) {
            throw new ApiException(409, "no_index_home", "服务器未以索引目录启动，无法重建索引");
        }
        double ratio = body.path("maxRejectRatio").asDouble(0.01);
        ReindexReport r = Reindexer.run(new Reindexer.Options(Path.of(from.asText()), indexHome, List.of(), ratio, 2,
                null, indexHome.resolve("reports").resolve("rejects.txt"), Runtime.getRuntime().availableProcessors(),
                Progress.NONE, null, duijie.semantic() != Duijie.Semantic.SWITCHED_OFF));
        duijie.refresh();
        ctx.status(r.status() == ReindexReport.Status.OK ? 200 : r.status() == ReindexReport.Status.LOCKED ? 409 : 422)
                .json(r);
    }

    void upsert(Context ctx) throws IOException {
        DuijieServer.requireJson(ctx);
        Kind kind = Params.kind("kind", ctx.pathParam("kind"));
        String id = Params.id(ctx);
        JsonNode body = DuijieServer.jsonBody(ctx);
        if (!body.isObject()) {
            throw new ApiException(400, "invalid_json", "请求体应为一条记录的 JSON 对象");
        }
        if (body.has("id") && !id.equals(body.get("id").asText())) {
            throw ApiException.badParameter("id", "路径中的编号与请求体中的 id 不一致");
        }
        ((com.fasterxml.jackson.databind.node.ObjectNode) body).put("id", id);
        CorpusLoader.Parsed parsed = CorpusLoader.parseRecord(kind, RecordJson.MAPPER.writeValueAsString(body));
        List<Problem> errors = parsed.problems().stream().filter(p -> p.severity() == Problem.Severity.ERROR).toList();
        if (!errors.isEmpty()) {
            throw new ApiException(400, "invalid_record", "记录有误：" + String.join("；",
                    errors.stream().map(p -> (p.field() == null ? "" : p.field() + "：") + p.message()).toList()));
        }
        try {
            duijie.upsert(parsed.record());
        } catch (IndexHome.LockedException e) {
            throw new ApiException(409, "reindex_running", "正在重建索引，请稍后重试");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", "ok");
        out.put("kind", kind.plural());
        out.put("id", id);
        out.put("generation", duijie.generation());
        ctx.json(out);
    }

    void delete(Context ctx) throws IOException {
        Kind kind = Params.kind("kind", ctx.pathParam("kind"));
        String id = Params.id(ctx);
        boolean existed;
        try {
            existed = duijie.delete(kind, id);
        } catch (IndexHome.LockedException e) {
            throw new ApiException(409, "reindex_running", "正在重建索引，请稍后重试");
        }
        if (!existed) {
            throw ApiException.notFound(kind.label() + "不存在：" + id);
        }
        ctx.json(Map.of("status", "ok", "kind", kind.plural(), "id", id, "deleted", true));
    }
}
