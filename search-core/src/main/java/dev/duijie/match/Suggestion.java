package dev.duijie.match;

import dev.duijie.corpus.Kind;

/**
 * A completion for the search box.
 *
 * @param text   what to put in the box
 * @param source where it comes from: {@code title} (a result title), {@code keyword} or {@code expert} (a name)
 * @param kind   the kind of record it leads to
 * @param id     the record's id for titles and names; {@code null} for keywords (many records)
 */
public record Suggestion(String text, String source, Kind kind, String id) {
}
