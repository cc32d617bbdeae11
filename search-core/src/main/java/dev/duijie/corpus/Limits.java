package dev.duijie.corpus;

/**
 * Size limits of the corpus format. A value beyond a limit is an error on its record (never truncated silently):
 * such values are export bugs (a whole spreadsheet pasted into one cell), and accepting them would let one row
 * dominate the index.
 */
public final class Limits {
    /** A JSON Lines line; longer lines are reported and skipped without being read into memory. */
    public static final int MAX_LINE_BYTES = 1 << 20;
    /**
     * A staff CSV export, which is decoded whole (its encoding is detected over the entire file and a quoted cell
     * may span lines); Excel's own row limit keeps real exports far below this.
     */
    public static final int MAX_CSV_FILE_BYTES = 128 << 20;
    /** Ids: 1–128 characters of letters, digits and {@code . _ : -} (safe in URLs and file names). */
    public static final int MAX_ID_CHARS = 128;
    /** Short text fields: title, name, enterprise, region, industry, ipType, type, city, institution. */
    public static final int MAX_SHORT_TEXT_CHARS = 500;
    /** Long text fields: summary, description, bio. */
    public static final int MAX_LONG_TEXT_CHARS = 20_000;
    /** Items in a list field (keywords, team, transferModes, areas). */
    public static final int MAX_LIST_ITEMS = 100;
    /** Characters of one list item. */
    public static final int MAX_LIST_ITEM_CHARS = 200;
    /** budgetWan: 100 亿元 in 万元. */
    public static final double MAX_BUDGET_WAN = 1_000_000;
    /** Dates must fall in [1900-01-01, 2100-12-31]. */
    public static final int MIN_YEAR = 1900;
    public static final int MAX_YEAR = 2100;

    private Limits() {
    }
}
