package dev.duijie.data.gen;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** How templated a set of texts reads: the share of texts sharing any run of N characters with another text. */
public final class TextStats {
    private TextStats() {
    }

    /** Share (0–1) of {@code texts} that contain a run of {@code runLength} characters also found in another text. */
    public static double sharedRunShare(List<String> texts, int runLength) {
        Map<String, Integer> owner = new HashMap<>();
        boolean[] shared = new boolean[texts.size()];
        for (int i = 0; i < texts.size(); i++) {
            String t = texts.get(i);
            for (int s = 0; s + runLength <= t.length(); s++) {
                Integer prev = owner.putIfAbsent(t.substring(s, s + runLength), i);
                if (prev != null && prev != i) {
                    shared[i] = true;
                    shared[prev] = true;
                }
            }
        }
        int n = 0;
        for (boolean b : shared) {
            n += b ? 1 : 0;
        }
        return texts.isEmpty() ? 0 : (double) n / texts.size();
    }
}
