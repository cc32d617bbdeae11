package dev.duijie.eval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FusionTest {
    @Test
    void reciprocalRankFusionRewardsAgreementAndRespectsWeights() {
        List<String> lexical = List.of("a", "b", "c");
        List<String> dense = List.of("c", "b", "d");
        // k = 1: a 1/2; b 1/3 + 1/3; c 1/4 + 1/2; d 1/4 → c (0.75) > b (0.667) > a (0.5) > d (0.25)
        assertEquals(List.of("c", "b", "a", "d"), Fusion.rrf(List.of(lexical, dense), List.of(1.0, 1.0), 1, 10));
        // Dense weighted down to 0.1: lexical order wins.
        assertEquals(List.of("a", "b", "c"), Fusion.rrf(List.of(lexical, dense), List.of(1.0, 0.1), 1, 3));
        assertEquals(List.of(), Fusion.rrf(List.of(List.of(), List.of()), List.of(1.0, 1.0), 60, 10));
    }
}
