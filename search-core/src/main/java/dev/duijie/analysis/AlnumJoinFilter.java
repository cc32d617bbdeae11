package dev.duijie.analysis;

import org.apache.lucene.analysis.TokenStream;

import java.util.ArrayList;
import java.util.List;

/**
 * Joins what smartcn splits between letters and digits, so numbers with units and model names stay searchable:
 * 1200/v → 1200v, 3300 v → 3300v (one space allowed before a unit of up to 4 letters), 28/nm → 28nm,
 * hv/30 → hv30. Inside a longer run such as igbt1200v the number with its unit (1200v) is emitted too.
 */
final class AlnumJoinFilter extends SpanningFilter {
    private static final int MAX_SPACED_UNIT = 4;

    AlnumJoinFilter(TokenStream input) {
        super(input);
    }

    /** A lone "sic" or "1200" is just a word: only joins are marked. */
    @Override
    boolean retypesSingleTokens() {
        return false;
    }

    @Override
    List<Span> spans(CharSequence text) {
        List<Span> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (!Tokens.isLatinOrDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < text.length() && Tokens.isLatinOrDigit(text.charAt(i))) {
                i++;
            }
            int end = i;
            // "3300 v": a number, one space, a short unit.
            if (Character.isDigit(text.charAt(end - 1)) && end + 1 < text.length() && text.charAt(end) == ' ') {
                int u = end + 1;
                while (u < text.length() && Character.isLetter(text.charAt(u)) && Tokens.isLatinOrDigit(text.charAt(u))) {
                    u++;
                }
                boolean unitEnds = u == text.length() || !Tokens.isLatinOrDigit(text.charAt(u));
                if (u > end + 1 && u - end - 1 <= MAX_SPACED_UNIT && unitEnds) {
                    int numberStart = lastRunStart(text, start, end, true);
                    out.add(new Span(numberStart, u, text.subSequence(numberStart, end).toString() + text.subSequence(end + 1, u).toString(),
                            Tokens.ALNUM));
                }
            }
            out.add(new Span(start, end, text.subSequence(start, end).toString(), Tokens.ALNUM));
            // Number + unit inside a longer run: igbt1200v → 1200v.
            for (int d = start + 1; d < end; d++) {
                if (Character.isDigit(text.charAt(d)) && !Character.isDigit(text.charAt(d - 1))) {
                    int digitsEnd = d;
                    while (digitsEnd < end && Character.isDigit(text.charAt(digitsEnd))) {
                        digitsEnd++;
                    }
                    int unitEnd = digitsEnd;
                    while (unitEnd < end && !Character.isDigit(text.charAt(unitEnd))) {
                        unitEnd++;
                    }
                    if (unitEnd > digitsEnd && (d > start || unitEnd < end)) {
                        out.add(new Span(d, unitEnd, text.subSequence(d, unitEnd).toString(), Tokens.ALNUM));
                    }
                }
            }
        }
        return out;
    }

    /** Start of the trailing run of digits (or letters) in [start, end). */
    private static int lastRunStart(CharSequence text, int start, int end, boolean digits) {
        int s = end;
        while (s > start && Character.isDigit(text.charAt(s - 1)) == digits) {
            s--;
        }
        return s;
    }
}
