package dev.duijie.server.cli;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bench's generated queries are what the figures claim: distinct, of the stated lengths, reproducible. */
class BenchQueriesTest {
    private final BenchQueries queries = new BenchQueries();

    @Test
    void needTextsAreDistinctTwoHundredCharactersAndDeterministic() {
        List<String> needs = queries.needTexts(6000, 1);
        assertEquals(6000, new HashSet<>(needs).size());
        assertTrue(needs.stream().allMatch(t -> t.length() == BenchQueries.NEED_CHARS));
        assertEquals(needs, queries.needTexts(6000, 1));
    }

    @Test
    void shortQueriesCoverThreeDistinctSlicesOfTwoThousand() {
        List<String> shortQueries = queries.shortQueries(1);
        assertTrue(new HashSet<>(shortQueries).size() >= 6000, "distinct short queries: " + shortQueries.size());
        assertTrue(shortQueries.stream().allMatch(q -> q.length() >= 2 && q.length() <= 8));
    }

    @Test
    void slicesWrapOnlyWhenThePoolIsSmaller() {
        List<String> ids = BenchQueries.resultIds(5, 1);
        assertEquals(5, new HashSet<>(BenchQueries.slice(ids, 3, 5)).size());
        assertEquals(List.of(ids.get(4), ids.get(0)), BenchQueries.slice(ids, 4, 2));
    }
}
