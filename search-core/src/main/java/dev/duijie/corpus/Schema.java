package dev.duijie.corpus;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The corpus format as data: which fields each kind has, their types, which are required, and how a checked
 * field map becomes a record. One table drives validation of all four kinds.
 */
final class Schema {

    record Field(String name, FieldType type, boolean required, Kind references) {
        static Field required(String name, FieldType type) {
            return new Field(name, type, true, null);
        }

        static Field optional(String name, FieldType type) {
            return new Field(name, type, false, null);
        }

        static Field reference(String name, FieldType type, Kind target) {
            return new Field(name, type, false, target);
        }
    }

    private static final Map<Kind, List<Field>> FIELDS = Map.of(
            Kind.RESULT, List.of(
                    Field.required("id", FieldType.ID),
                    Field.required("title", FieldType.SHORT_TEXT),
                    Field.required("summary", FieldType.LONG_TEXT),
                    Field.optional("keywords", FieldType.TEXT_LIST),
                    Field.optional("industry", FieldType.SHORT_TEXT),
                    Field.reference("institution", FieldType.ID, Kind.INSTITUTION),
                    Field.reference("team", FieldType.ID_LIST, Kind.EXPERT),
                    Field.optional("trl", FieldType.TRL),
                    Field.optional("ipType", FieldType.SHORT_TEXT),
                    Field.optional("transferModes", FieldType.TEXT_LIST),
                    Field.optional("date", FieldType.DATE)),
            Kind.NEED, List.of(
                    Field.required("id", FieldType.ID),
                    Field.optional("title", FieldType.SHORT_TEXT),
                    Field.optional("description", FieldType.LONG_TEXT),
                    Field.optional("enterprise", FieldType.SHORT_TEXT),
                    Field.optional("region", FieldType.SHORT_TEXT),
                    Field.optional("industry", FieldType.SHORT_TEXT),
                    Field.optional("keywords", FieldType.TEXT_LIST),
                    Field.optional("budgetWan", FieldType.BUDGET),
                    Field.optional("requiredTrl", FieldType.TRL),
                    Field.optional("deadline", FieldType.DATE)),
            Kind.EXPERT, List.of(
                    Field.required("id", FieldType.ID),
                    Field.required("name", FieldType.SHORT_TEXT),
                    Field.reference("institution", FieldType.ID, Kind.INSTITUTION),
                    Field.optional("title", FieldType.SHORT_TEXT),
                    Field.optional("areas", FieldType.TEXT_LIST),
                    Field.optional("bio", FieldType.LONG_TEXT)),
            Kind.INSTITUTION, List.of(
                    Field.required("id", FieldType.ID),
                    Field.required("name", FieldType.SHORT_TEXT),
                    Field.optional("type", FieldType.SHORT_TEXT),
                    Field.optional("city", FieldType.SHORT_TEXT)));

    private Schema() {
    }

    static List<Field> fields(Kind kind) {
        return FIELDS.get(kind);
    }

    /** A record from a map of checked values (absent fields missing from the map). */
    static Object build(Kind kind, Map<String, Object> v) {
        return switch (kind) {
            case RESULT -> new Result(str(v, "id"), str(v, "title"), str(v, "summary"), list(v, "keywords"),
                    str(v, "industry"), str(v, "institution"), list(v, "team"), (Integer) v.get("trl"),
                    str(v, "ipType"), list(v, "transferModes"), (LocalDate) v.get("date"));
            case NEED -> new Need(str(v, "id"), str(v, "title"), str(v, "description"), str(v, "enterprise"),
                    str(v, "region"), str(v, "industry"), list(v, "keywords"), (Double) v.get("budgetWan"),
                    (Integer) v.get("requiredTrl"), (LocalDate) v.get("deadline"));
            case EXPERT -> new Expert(str(v, "id"), str(v, "name"), str(v, "institution"), str(v, "title"),
                    list(v, "areas"), str(v, "bio"));
            case INSTITUTION -> new Institution(str(v, "id"), str(v, "name"), str(v, "type"), str(v, "city"));
        };
    }

    private static String str(Map<String, Object> v, String name) {
        return (String) v.get(name);
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Map<String, Object> v, String name) {
        return (List<String>) v.getOrDefault(name, List.of());
    }
}
