package dev.duijie.eval;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.CRC32;

/**
 * Which half of the queries a qid belongs to: tune on {@link #TUNING}, quote numbers from {@link #REPORTING}, so
 * reported numbers are not fitted to the queries they were tuned on.
 *
 * <p>The split is a pure function of the qid (CRC32 of its UTF-8 bytes, even → tuning, odd → reporting). It needs
 * no stored list, works for any corpus, and a query keeps its half when other queries are added or removed. The
 * need-result and need-expert queries of one need share a qid, so they always land in the same half.
 */
public enum Half {
    TUNING,
    REPORTING;

    /** The half of {@code qid}. */
    public static Half of(String qid) {
        CRC32 crc = new CRC32();
        crc.update(qid.getBytes(StandardCharsets.UTF_8));
        return (crc.getValue() & 1) == 0 ? TUNING : REPORTING;
    }

    /** The name in reports and JSON: {@code tuning} or {@code reporting}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
