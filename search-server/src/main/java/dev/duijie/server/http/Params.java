package dev.duijie.server.http;

import dev.duijie.corpus.Kind;
import io.javalin.http.Context;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Query and path parameters, checked, with errors that name the parameter. */
final class Params {
    /** Same rule as the corpus format's ids: nothing that could walk a path or break a URL. */
    private static final Pattern ID = Pattern.compile("[\\p{L}\\p{N}._:-]{1,128}");

    private Params() {
    }

    static String id(Context ctx) {
        String id = ctx.pathParam("id");
        if (!ID.matcher(id).matches() || id.contains("..")) {
            throw ApiException.badParameter("id", "只能由字母、数字和 . _ : - 组成，最长 128 个字符");
        }
        return id;
    }

    static Kind kind(String name, String value) {
        return Kind.parse(value).orElseThrow(() -> ApiException.badParameter(name,
                "应为 results、needs、experts 或 institutions，实际为「" + shorten(value) + "」"));
    }

    static int intParam(Context ctx, String name, int defaultValue, int min, int max) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return defaultValue;
        }
        return parseInt(name, v, min, max);
    }

    static Integer optionalInt(Context ctx, String name, int min, int max) {
        String v = ctx.queryParam(name);
        return v == null || v.isBlank() ? null : parseInt(name, v, min, max);
    }

    static int parseInt(String name, String v, int min, int max) {
        try {
            int n = Integer.parseInt(v.strip());
            if (n < min || n > max) {
                throw ApiException.badParameter(name, "应在 " + min + "–" + max + " 之间，实际为 " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiException.badParameter(name, "应为整数，实际为「" + shorten(v) + "」");
        }
    }

    static LocalDate date(String name, String v) {
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(v.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badParameter(name, "日期应为 YYYY-MM-DD，实际为「" + shorten(v) + "」");
        }
    }

    /** Every value of a repeatable parameter ({@code ?industry=a&industry=b}), blanks dropped. */
    static List<String> values(Context ctx, String name) {
        return ctx.queryParams(name).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    static Optional<String> text(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).map(String::strip).filter(s -> !s.isEmpty());
    }

    static String shorten(String s) {
        return s.length() <= 30 ? s : s.substring(0, 30) + "…";
    }
}
