package dev.duijie.index;

import dev.duijie.corpus.Expert;
import dev.duijie.corpus.Need;
import dev.duijie.corpus.Result;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The sentences of a record's body (result summary, need description, expert bio) and their embeddings, stored
 * with the record so the sentence nearest to a need can be shown when no key term matches — at query time that
 * costs a dot product per sentence, never a model call. Vectors are stored as signed bytes (component × 127):
 * a quarter of the floats' size, and ample precision to pick the nearest of a few sentences.
 */
public final class Passages {
    /** Sentences embedded per record; later ones of an unusually long body are not candidates. */
    public static final int MAX = 16;

    private Passages() {
    }

    /** The body whose sentences are snippets: a result's summary, a need's description, an expert's bio; else "". */
    public static String body(Object record) {
        if (record instanceof Result r) {
            return r.summary();
        } else if (record instanceof Need n) {
            return Objects.requireNonNullElse(n.description(), "");
        } else if (record instanceof Expert e) {
            return Objects.requireNonNullElse(e.bio(), "");
        }
        return "";
    }

    /** [start, end) spans of the sentences of {@code text}: cut after 。！？； and at line ends; blank ones dropped. */
    public static List<int[]> sentences(String text) {
        List<int[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '\n';
            if (c == '。' || c == '！' || c == '？' || c == '；' || c == '\n') {
                int end = c == '\n' ? i : i + 1;
                if (!text.substring(start, end).isBlank()) {
                    out.add(new int[]{start, end});
                }
                start = i + 1;
            }
        }
        return out;
    }

    /** The first {@link #MAX} sentences of the record's body embedded and packed, or {@code null} for none. */
    static byte[] encode(Object record, Function<String, float[]> vectors) {
        String body = body(record);
        List<int[]> spans = sentences(body);
        int n = Math.min(MAX, spans.size());
        if (n == 0) {
            return null;
        }
        byte[] packed = null;
        for (int i = 0; i < n; i++) {
            float[] v = vectors.apply(body.substring(spans.get(i)[0], spans.get(i)[1]));
            if (packed == null) {
                packed = new byte[n * v.length];
            }
            for (int j = 0; j < v.length; j++) {
                packed[i * v.length + j] = (byte) Math.max(-127, Math.min(127, Math.round(v[j] * 127)));
            }
        }
        return packed;
    }

    /** Index of the packed sentence vector nearest (by dot product) to {@code query}, or -1 when there is none. */
    public static int nearest(byte[] packed, float[] query) {
        double[] cos = cosines(packed, query);
        int best = -1;
        for (int i = 0; i < cos.length; i++) {
            if (best < 0 || cos[i] > cos[best]) {
                best = i;
            }
        }
        return best;
    }

    /** The cosine of each packed sentence vector with the unit vector {@code query} (empty when none). */
    private static double[] cosines(byte[] packed, float[] query) {
        if (packed == null || query.length == 0 || packed.length % query.length != 0) {
            return new double[0];
        }
        double[] out = new double[packed.length / query.length];
        for (int i = 0; i < out.length; i++) {
            double dot = 0;
            for (int j = 0; j < query.length; j++) {
                dot += packed[i * query.length + j] * query[j];
            }
            out[i] = dot / 127;
        }
        return out;
    }
}
