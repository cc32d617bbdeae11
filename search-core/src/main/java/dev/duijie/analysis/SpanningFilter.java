package dev.duijie.analysis;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Base of the filters that add a whole token over pieces the tokenizer split (氮化/硅 → 氮化硅, 1200/v → 1200v).
 * It buffers a window of tokens, rebuilds the window's text from the tokens on the main path (a space where the
 * offsets leave a gap), asks the subclass for {@link Span}s of that text, and emits each span as one token at the
 * position of its first piece with a position length covering all pieces. The pieces stay, so a query for 硅
 * still finds 氮化硅. A span that is exactly one existing token only retypes it.
 *
 * <p>Tokens are buffered as plain values (term, offsets, increment, length, type) rather than captured attribute
 * states: the chain's tokenizer sets nothing else, and cloning every attribute per token doubled the chain's cost.
 */
abstract class SpanningFilter extends TokenFilter {
    /** A window closes at the first punctuation after this many tokens (spans never cross sentences in practice). */
    private static final int SOFT_WINDOW = 64;
    /** …and unconditionally at this many, bounding memory on text without punctuation. */
    private static final int HARD_WINDOW = 2048;

    /** A run of characters of the rebuilt window text to emit as one token, with its term text and type. */
    record Span(int start, int end, String term, String type) {
    }

    /** A token to emit. */
    private record Tok(String term, int start, int end, int posInc, int posLen, String type) {
    }

    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute posIncAtt = addAttribute(PositionIncrementAttribute.class);
    private final PositionLengthAttribute posLenAtt = addAttribute(PositionLengthAttribute.class);
    private final TypeAttribute typeAtt = addAttribute(TypeAttribute.class);

    private final List<Tok> window = new ArrayList<>();
    private final List<Tok> pending = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private int[] charToken = new int[256];
    private int[] charOffset = new int[256];
    private int next;
    private boolean exhausted;

    SpanningFilter(TokenStream input) {
        super(input);
    }

    /** Spans to emit over {@code text}, the window's text with a single space wherever the input had a gap. */
    abstract List<Span> spans(CharSequence text);

    /** Whether a span that is exactly one existing token retypes it (true) or is ignored (false). */
    boolean retypesSingleTokens() {
        return true;
    }

    @Override
    public final boolean incrementToken() throws IOException {
        if (next == pending.size()) {
            pending.clear();
            next = 0;
            if (exhausted || !fillWindow()) {
                return false;
            }
        }
        Tok t = pending.get(next++);
        clearAttributes();
        termAtt.setEmpty().append(t.term());
        offsetAtt.setOffset(t.start(), t.end());
        posIncAtt.setPositionIncrement(t.posInc());
        posLenAtt.setPositionLength(t.posLen());
        typeAtt.setType(t.type());
        return true;
    }

    private boolean fillWindow() throws IOException {
        window.clear();
        while (true) {
            if (!input.incrementToken()) {
                exhausted = true;
                break;
            }
            String term = termAtt.toString();
            window.add(new Tok(term, offsetAtt.startOffset(), offsetAtt.endOffset(), posIncAtt.getPositionIncrement(),
                    posLenAtt.getPositionLength(), typeAtt.type()));
            if (window.size() >= HARD_WINDOW || (window.size() >= SOFT_WINDOW && !Tokens.hasLetterOrDigit(term))) {
                break;
            }
        }
        if (window.isEmpty()) {
            return false;
        }
        plan();
        return true;
    }

    /** Decides the emissions of one window: the input tokens in order, each main-path token followed by its spans. */
    private void plan() {
        // Main path: tokens that advance the position; stacked tokens (increment 0) are passed through untouched.
        text.setLength(0);
        int n = window.size();
        int[] position = new int[n];
        int pos = -1;
        int prevEnd = -1;
        for (int i = 0; i < n; i++) {
            Tok t = window.get(i);
            pos += t.posInc();
            position[i] = pos;
            if (t.posInc() == 0 && i > 0) {
                continue;
            }
            if (prevEnd >= 0 && t.start() > prevEnd) {
                append(' ', -1, prevEnd);
            }
            boolean exact = t.end() - t.start() == t.term().length();
            for (int c = 0; c < t.term().length(); c++) {
                append(t.term().charAt(c), i, exact ? t.start() + c : t.start());
            }
            prevEnd = t.end();
        }

        List<Span> spans = spans(text);
        if (spans.isEmpty()) {
            pending.addAll(window);
            return;
        }
        String[] retype = new String[n];
        List<List<Tok>> after = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            after.add(null);
        }
        for (Span s : spans) {
            int first = charToken[s.start()];
            int last = charToken[s.end() - 1];
            if (first < 0 || last < 0) {
                continue;
            }
            Tok f = window.get(first);
            Tok l = window.get(last);
            int startOffset = charOffset[s.start()];
            boolean lastExact = l.end() - l.start() == l.term().length();
            int endOffset = lastExact ? charOffset[s.end() - 1] + 1 : l.end();
            if (first == last && startOffset == f.start() && endOffset == f.end() && s.term().equals(f.term())) {
                if (retypesSingleTokens()) {
                    retype[first] = s.type();
                }
                continue;
            }
            if (after.get(first) == null) {
                after.set(first, new ArrayList<>(2));
            }
            after.get(first).add(new Tok(s.term(), startOffset, endOffset, 0, position[last] - position[first] + 1,
                    s.type()));
        }
        List<Tok> anchored = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Tok t = window.get(i);
            if ((t.posInc() > 0 || i == 0) && !anchored.isEmpty()) {
                // Spans go after every stacked token of their position, keeping start offsets non-decreasing.
                pending.addAll(anchored);
                anchored.clear();
            }
            pending.add(retype[i] == null ? t : new Tok(t.term(), t.start(), t.end(), t.posInc(), t.posLen(), retype[i]));
            List<Tok> mine = after.get(i);
            if (mine != null) {
                mine.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start())
                        : Integer.compare(b.end(), a.end()));
                anchored.addAll(mine);
            }
        }
        pending.addAll(anchored);
    }

    private void append(char c, int token, int offset) {
        int at = text.length();
        if (at == charToken.length) {
            charToken = Arrays.copyOf(charToken, at * 2);
            charOffset = Arrays.copyOf(charOffset, at * 2);
        }
        text.append(c);
        charToken[at] = token;
        charOffset[at] = offset;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        window.clear();
        pending.clear();
        next = 0;
        exhausted = false;
    }
}
