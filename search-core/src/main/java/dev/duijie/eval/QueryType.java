package dev.duijie.eval;

/** The three kinds of evaluation query, each named by the label used in reports and JSON. */
public enum QueryType {
    /** A need (title + description) against results. */
    NEED_RESULT("need-result"),
    /** A need against experts. */
    NEED_EXPERT("need-expert"),
    /** A short staff query from {@code queries.tsv} against results. */
    STAFF_QUERY("staff-query");

    private final String label;

    QueryType(String label) {
        this.label = label;
    }

    /** The name in reports and JSON, e.g. {@code need-result}. */
    public String label() {
        return label;
    }
}
