package dev.duijie.analysis;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.util.AttributeSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Base of the filters that add a whole token over pieces the tokenizer split (氮化/硅 → 氮化硅, 1200/v → 1200v).
 * It buffers a window of tokens, rebuilds the window's text from the tokens on the main path (a space where the
 * offsets leave a gap), asks the subclass for {@link Span}s of that text, and emits each span as one token at the
 * position of its first piece with a position length covering all pieces. The pieces stay, so a query for 硅
 * still finds 氮化硅. A span that is exactly one existing token only retypes it.
 */
abstract class SpanningFilter extends TokenFilter {
    /** A window closes at the first punctuation after this many tokens (spans never cross sentences in practice). */
    private static final int SOFT_WINDOW = 64;
    /** …and unconditionally at this many, bounding memory on text without punctuation. */
    private static final int HARD_WINDOW = 2048;

    /** A run of characters of the rebuilt window text to emit as one token, with its term text and type. */
    record Span(int start, int end, String term, String type) {
    }

    private record Buffered(AttributeSource.State state, String term, int start, int end, int posInc) {
    }

    private record Emission(AttributeSource.State state, String term, int start, int end, int posInc, int posLen,
                            String type) {
    }

    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute posIncAtt = addAttribute(PositionIncrementAttribute.class);
    private final PositionLengthAttribute posLenAtt = addAttribute(PositionLengthAttribute.class);
    private final TypeAttribute typeAtt = addAttribute(TypeAttribute.class);

    private final List<Emission> pending = new ArrayList<>();
    private int next;
    private boolean exhausted;

    SpanningFilter(TokenStream input) {
        super(input);
    }

    /** Spans to emit over {@code text}, the window's text with a single space wherever the input had a gap. */
    abstract List<Span> spans(String text);

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
        Emission e = pending.get(next++);
        restoreState(e.state());
        if (e.term() != null) {
            termAtt.setEmpty().append(e.term());
            offsetAtt.setOffset(e.start(), e.end());
            posIncAtt.setPositionIncrement(e.posInc());
            posLenAtt.setPositionLength(e.posLen());
        }
        if (e.type() != null) {
            typeAtt.setType(e.type());
        }
        return true;
    }

    private boolean fillWindow() throws IOException {
        List<Buffered> window = new ArrayList<>();
        while (true) {
            if (!input.incrementToken()) {
                exhausted = true;
                break;
            }
            String term = termAtt.toString();
            window.add(new Buffered(captureState(), term, offsetAtt.startOffset(), offsetAtt.endOffset(),
                    posIncAtt.getPositionIncrement()));
            if (window.size() >= HARD_WINDOW || (window.size() >= SOFT_WINDOW && !Tokens.hasLetterOrDigit(term))) {
                break;
            }
        }
        if (window.isEmpty()) {
            return false;
        }
        plan(window);
        return true;
    }

    /** Decides the emissions of one window: the input tokens in order, each main-path token followed by its spans. */
    private void plan(List<Buffered> window) {
        // Main path: tokens that advance the position; stacked tokens (increment 0) are passed through untouched.
        StringBuilder text = new StringBuilder();
        List<Integer> charToken = new ArrayList<>();
        List<Integer> charOffset = new ArrayList<>();
        int[] position = new int[window.size()];
        int pos = -1;
        int prevEnd = -1;
        for (int i = 0; i < window.size(); i++) {
            Buffered t = window.get(i);
            pos += t.posInc();
            position[i] = pos;
            if (t.posInc() == 0 && i > 0) {
                continue;
            }
            if (prevEnd >= 0 && t.start() > prevEnd) {
                text.append(' ');
                charToken.add(-1);
                charOffset.add(prevEnd);
            }
            boolean exact = t.end() - t.start() == t.term().length();
            for (int c = 0; c < t.term().length(); c++) {
                text.append(t.term().charAt(c));
                charToken.add(i);
                charOffset.add(exact ? t.start() + c : t.start());
            }
            prevEnd = t.end();
        }

        String[] retype = new String[window.size()];
        List<List<Emission>> after = new ArrayList<>(window.size());
        for (int i = 0; i < window.size(); i++) {
            after.add(new ArrayList<>());
        }
        for (Span s : spans(text.toString())) {
            int first = charToken.get(s.start());
            int last = charToken.get(s.end() - 1);
            if (first < 0 || last < 0) {
                continue;
            }
            Buffered f = window.get(first);
            Buffered l = window.get(last);
            int startOffset = charOffset.get(s.start());
            boolean lastExact = l.end() - l.start() == l.term().length();
            int endOffset = lastExact ? charOffset.get(s.end() - 1) + 1 : l.end();
            if (first == last && startOffset == f.start() && endOffset == f.end() && s.term().equals(f.term())) {
                if (retypesSingleTokens()) {
                    retype[first] = s.type();
                }
                continue;
            }
            after.get(first).add(new Emission(f.state(), s.term(), startOffset, endOffset, 0,
                    position[last] - position[first] + 1, s.type()));
        }
        List<Emission> anchored = new ArrayList<>();
        for (int i = 0; i < window.size(); i++) {
            Buffered t = window.get(i);
            boolean mainPath = t.posInc() > 0 || i == 0;
            if (mainPath && !anchored.isEmpty()) {
                flushAnchored(anchored);
            }
            pending.add(new Emission(t.state(), null, 0, 0, 0, 0, retype[i]));
            List<Emission> spans = after.get(i);
            spans.sort(Comparator.comparingInt(Emission::start).thenComparingInt(e -> -e.end()));
            anchored.addAll(spans);
        }
        flushAnchored(anchored);
    }

    /** Spans go after every stacked token of their position, keeping start offsets non-decreasing. */
    private void flushAnchored(List<Emission> anchored) {
        pending.addAll(anchored);
        anchored.clear();
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending.clear();
        next = 0;
        exhausted = false;
    }
}
