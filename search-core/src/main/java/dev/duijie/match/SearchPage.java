package dev.duijie.match;

import java.util.List;
import java.util.Map;

/**
 * One page of hits with facet counts over all matching records (not just this page).
 *
 * @param hits      this page's hits
 * @param total     number of matching records
 * @param page      1-based page number
 * @param size      page size
 * @param facets    dimension (industry, institution, region, ipType, transferMode, trl) → value → count,
 *                  values by descending count
 */
public record SearchPage(List<Hit> hits, long total, int page, int size, Map<String, Map<String, Integer>> facets) {
    public SearchPage {
        hits = List.copyOf(hits);
        facets = Map.copyOf(facets);
    }
}
