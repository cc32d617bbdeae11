package dev.duijie.corpus;

import java.util.List;

/**
 * An expert (专家).
 *
 * @param institution id of an {@link Institution}, or {@code null}
 * @param title       教授 / 研究员 / 院士 …, or {@code null}
 * @param areas       research areas
 * @param bio         free-text biography, or {@code null}
 */
public record Expert(String id, String name, String institution, String title, List<String> areas, String bio) {
    public Expert {
        areas = List.copyOf(areas);
    }
}
