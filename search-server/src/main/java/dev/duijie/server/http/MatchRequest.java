package dev.duijie.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.duijie.match.Filters;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The body of {@code POST /api/match}: {@code {"text": "…"} or {"needId": "…"}, "filters": {…}, "k": 10,
 * "experts": true}}. Parsed from a JSON tree so every wrong type or unknown field names its field.
 */
record MatchRequest(String text, String needId, Filters filters, int k, boolean experts) {
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final Set<String> FIELDS = Set.of("text", "needId", "filters", "k", "experts");
    private static final Set<String> FILTERS = Set.of("industries", "institutions", "regions", "trlMin", "trlMax",
            "ipTypes", "transferModes", "dateFrom", "dateTo");

    static MatchRequest parse(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ApiException(400, "invalid_json", "请求体不是合法的 JSON：" + Params.shorten(String.valueOf(e.getOriginalMessage())));
        }
        if (root == null || !root.isObject()) {
            throw new ApiException(400, "invalid_json", "请求体应为 JSON 对象，例如 {\"text\": \"需求描述\"}");
        }
        unknown(root, FIELDS, "");
        String text = string(root, "text");
        String needId = string(root, "needId");
        if ((text == null) == (needId == null)) {
            throw ApiException.badParameter("text", "text（需求文本）与 needId（需求编号）须且只能填写一项");
        }
        int k = 10;
        JsonNode kNode = root.get("k");
        if (kNode != null && !kNode.isNull()) {
            if (!kNode.isInt()) {
                throw ApiException.badParameter("k", "应为整数");
            }
            k = Params.parseInt("k", kNode.asText(), 1, 100);
        }
        boolean experts = true;
        JsonNode e = root.get("experts");
        if (e != null && !e.isNull()) {
            if (!e.isBoolean()) {
                throw ApiException.badParameter("experts", "应为 true 或 false");
            }
            experts = e.asBoolean();
        }
        return new MatchRequest(text, needId, filters(root.get("filters")), k, experts);
    }

    private static Filters filters(JsonNode f) {
        if (f == null || f.isNull()) {
            return Filters.NONE;
        }
        if (!f.isObject()) {
            throw ApiException.badParameter("filters", "应为 JSON 对象");
        }
        unknown(f, FILTERS, "filters.");
        if (!list(f, "regions").isEmpty()) {
            // Results have no region; a region filter here would silently empty every answer.
            throw ApiException.badParameter("filters.regions", "区县/园区只适用于需求检索（GET /api/search?kind=needs&region=…），成果匹配不支持");
        }
        try {
            return new Filters(Set.copyOf(list(f, "industries")), Set.copyOf(list(f, "institutions")),
                    Set.copyOf(list(f, "regions")), trl(f, "trlMin"), trl(f, "trlMax"), Set.copyOf(list(f, "ipTypes")),
                    Set.copyOf(list(f, "transferModes")), Params.date("filters.dateFrom", string(f, "dateFrom")),
                    Params.date("filters.dateTo", string(f, "dateTo")));
        } catch (IllegalArgumentException ex) {
            throw ApiException.badParameter("filters", "范围上下限颠倒：" + ex.getMessage());
        }
    }

    private static void unknown(JsonNode node, Set<String> known, String prefix) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                throw ApiException.badParameter(prefix + Params.shorten(name), "未知字段；可用字段：" + String.join(", ", known.stream().sorted().toList()));
            }
        }
    }

    private static String string(JsonNode node, String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw ApiException.badParameter(name, "应为字符串");
        }
        return v.asText().isBlank() ? null : v.asText();
    }

    private static Integer trl(JsonNode node, String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isInt()) {
            throw ApiException.badParameter("filters." + name, "应为 1–9 的整数");
        }
        return Params.parseInt("filters." + name, v.asText(), 1, 9);
    }

    private static List<String> list(JsonNode node, String name) {
        JsonNode v = node.get(name);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (v.isTextual()) {
            out.add(v.asText());
            return out;
        }
        if (!v.isArray() || v.size() > 50) {
            throw ApiException.badParameter("filters." + name, "应为字符串数组（最多 50 项）");
        }
        for (JsonNode item : v) {
            if (!item.isTextual()) {
                throw ApiException.badParameter("filters." + name, "数组元素应为字符串");
            }
            out.add(item.asText());
        }
        return out;
    }

}
