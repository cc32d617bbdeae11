package dev.duijie.corpus;

import java.util.Locale;
import java.util.Optional;

/**
 * The four kinds of record a corpus holds, each stored in its own JSON Lines file (or, for staff exports, a CSV
 * file of the same kind).
 */
public enum Kind {
    RESULT("results.jsonl", "results", "科技成果"),
    NEED("needs.jsonl", "needs", "企业需求"),
    EXPERT("experts.jsonl", "experts", "专家"),
    INSTITUTION("institutions.jsonl", "institutions", "高校院所");

    private final String fileName;
    private final String plural;
    private final String label;

    Kind(String fileName, String plural, String label) {
        this.fileName = fileName;
        this.plural = plural;
        this.label = label;
    }

    /** The file of this kind inside a corpus directory, e.g. {@code results.jsonl}. */
    public String fileName() {
        return fileName;
    }

    /** The staff-export alternative to {@link #fileName()}, e.g. {@code results.csv}. */
    String csvFileName() {
        return plural + ".csv";
    }

    /** The English plural used in URLs and JSON, e.g. {@code results}. */
    public String plural() {
        return plural;
    }

    /** The Chinese name shown to staff, e.g. 科技成果. */
    public String label() {
        return label;
    }

    /** The kind of a corpus record ({@link Result}, {@link Need}, {@link Expert} or {@link Institution}). */
    public static Kind of(Object record) {
        if (record instanceof Result) {
            return RESULT;
        } else if (record instanceof Need) {
            return NEED;
        } else if (record instanceof Expert) {
            return EXPERT;
        } else if (record instanceof Institution) {
            return INSTITUTION;
        }
        throw new IllegalArgumentException("not a corpus record: " + record);
    }

    /** The id of a corpus record. */
    public static String idOf(Object record) {
        return switch (of(record)) {
            case RESULT -> ((Result) record).id();
            case NEED -> ((Need) record).id();
            case EXPERT -> ((Expert) record).id();
            case INSTITUTION -> ((Institution) record).id();
        };
    }

    /** Parses {@code results}, {@code result} or {@code RESULT} (any case); empty when unknown. */
    public static Optional<Kind> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (Kind k : values()) {
            if (k.plural.equals(n) || k.name().toLowerCase(Locale.ROOT).equals(n)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
