package dev.duijie.eval;

import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HalfTest {

    @Test
    void fixedByIdAcrossCalls() {
        // Parities checked independently with Python's zlib.crc32: "N1" even, "N001" odd. Pins the rule itself.
        assertEquals(Half.TUNING, Half.of("N1"));
        assertEquals(Half.REPORTING, Half.of("N001"));
        for (int i = 0; i < 50; i++) {
            assertEquals(Half.of("Q" + i), Half.of("Q" + i));
        }
        assertEquals("tuning", Half.TUNING.label());
        assertEquals("reporting", Half.REPORTING.label());
    }

    @Test
    void splitsTwoHundredIdsRoughlyEvenly() {
        Map<Half, Integer> counts = new EnumMap<>(Half.class);
        for (int i = 1; i <= 200; i++) {
            counts.merge(Half.of(String.format("N%03d", i)), 1, Integer::sum);
        }
        for (Half h : Half.values()) {
            int n = counts.getOrDefault(h, 0);
            assertTrue(n >= 70 && n <= 130, h + " got " + n + " of 200");
        }
    }
}
