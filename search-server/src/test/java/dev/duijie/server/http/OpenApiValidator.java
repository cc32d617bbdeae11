package dev.duijie.server.http;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks a JSON value against a schema of the served OpenAPI document: the subset the document uses (type,
 * required, properties, additionalProperties, items, enum, minimum/maximum, minItems/maxItems, oneOf, local $ref).
 * Small enough to read in full, so a test failure points straight at the response field that broke the contract.
 */
final class OpenApiValidator {
    private final JsonNode doc;

    OpenApiValidator(JsonNode doc) {
        this.doc = doc;
    }

    /** Problems of {@code value} against {@code #/components/schemas/NAME}; empty when it conforms. */
    List<String> validate(JsonNode value, String schemaName) {
        List<String> problems = new ArrayList<>();
        check(value, doc.at("/components/schemas/" + schemaName), "$", problems);
        return problems;
    }

    private void check(JsonNode v, JsonNode s, String path, List<String> out) {
        if (s.has("$ref")) {
            check(v, doc.at(s.get("$ref").asText().substring(1)), path, out);
            return;
        }
        if (s.has("oneOf")) {
            for (JsonNode alt : s.get("oneOf")) {
                List<String> sub = new ArrayList<>();
                check(v, alt, path, sub);
                if (sub.isEmpty()) {
                    return;
                }
            }
            out.add(path + ": matches none of oneOf");
            return;
        }
        if (s.has("type") && !typeOk(v, s.get("type").asText())) {
            out.add(path + ": expected " + s.get("type").asText() + ", got " + v.getNodeType());
            return;
        }
        if (s.has("enum")) {
            boolean found = false;
            for (JsonNode e : s.get("enum")) {
                found |= e.equals(v);
            }
            if (!found) {
                out.add(path + ": " + v + " not in " + s.get("enum"));
            }
        }
        if (s.has("minimum") && v.isNumber() && v.asDouble() < s.get("minimum").asDouble()) {
            out.add(path + ": " + v + " < minimum");
        }
        if (s.has("maximum") && v.isNumber() && v.asDouble() > s.get("maximum").asDouble()) {
            out.add(path + ": " + v + " > maximum");
        }
        if (v.isArray()) {
            if (s.has("minItems") && v.size() < s.get("minItems").asInt() || s.has("maxItems") && v.size() > s.get("maxItems").asInt()) {
                out.add(path + ": array size " + v.size());
            }
            if (s.has("items")) {
                for (int i = 0; i < v.size(); i++) {
                    check(v.get(i), s.get("items"), path + "[" + i + "]", out);
                }
            }
        }
        if (v.isObject()) {
            for (JsonNode r : s.path("required")) {
                if (!v.has(r.asText())) {
                    out.add(path + ": missing required " + r.asText());
                }
            }
            JsonNode props = s.path("properties");
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                if (props.has(f.getKey())) {
                    check(f.getValue(), props.get(f.getKey()), path + "." + f.getKey(), out);
                } else if (s.has("additionalProperties")) {
                    JsonNode ap = s.get("additionalProperties");
                    if (ap.isBoolean() && !ap.asBoolean()) {
                        out.add(path + ": unexpected property " + f.getKey());
                    } else if (ap.isObject()) {
                        check(f.getValue(), ap, path + "." + f.getKey(), out);
                    }
                } else if (s.has("properties")) {
                    out.add(path + ": property " + f.getKey() + " is not documented");
                }
            }
        }
    }

    private static boolean typeOk(JsonNode v, String type) {
        return switch (type) {
            case "object" -> v.isObject();
            case "array" -> v.isArray();
            case "string" -> v.isTextual();
            case "integer" -> v.isIntegralNumber();
            case "number" -> v.isNumber();
            case "boolean" -> v.isBoolean();
            default -> true;
        };
    }
}
