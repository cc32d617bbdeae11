package dev.duijie.corpus;

import java.time.LocalDate;
import java.util.List;

/**
 * An enterprise technology need (企业技术需求). At least one of title and description is non-empty;
 * other optional fields are {@code null} when absent.
 *
 * @param budgetWan   budget in 万元 (≥ 0)
 * @param requiredTrl the lowest acceptable technology readiness level, 1–9
 */
public record Need(String id, String title, String description, String enterprise, String region,
                   String industry, List<String> keywords, Double budgetWan, Integer requiredTrl,
                   LocalDate deadline) {
    public Need {
        keywords = List.copyOf(keywords);
    }

    /** Title and description joined, the text matched against results. */
    public String text() {
        if (title == null) {
            return description;
        }
        return description == null ? title : title + "\n" + description;
    }
}
