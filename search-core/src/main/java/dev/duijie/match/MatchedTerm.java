package dev.duijie.match;

/**
 * A key term of the query that occurs in the hit.
 *
 * @param term      the term as it occurs in the hit (normalized: lower case, half-width)
 * @param synonymOf the query's own term it was reached from through the thesaurus, or {@code null} when the
 *                  query used this term itself
 */
public record MatchedTerm(String term, String synonymOf) {
}
