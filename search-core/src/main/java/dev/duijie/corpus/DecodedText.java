package dev.duijie.corpus;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * The text of a staff export, decoded strictly: every byte sequence that is invalid in the charset becomes one
 * U+FFFD and its physical line is remembered, so the rows concerned can be reported and rejected instead of being
 * imported with replacement characters.
 *
 * <p>Detection when no charset is forced: a UTF-8 byte order mark means UTF-8; otherwise, if the whole file is
 * valid UTF-8 it is UTF-8; otherwise it is GB18030. This needs no heuristic library because the two candidates
 * are told apart by validity, not by statistics: UTF-8 is self-validating (every non-ASCII character is a lead byte
 * 0xC2–0xF4 followed by exactly the right number of 0x80–0xBF bytes), while GBK text has a lead byte 0x81–0xFE
 * followed by a trail byte 0x40–0xFE, and real Chinese text in GBK breaks those UTF-8 rules within a few
 * characters (a GBK file that passes is a handful of accidental characters, not a staff export). GB18030 is a
 * superset of GBK (and of all Unicode), so every file that is not UTF-8 but came from a Chinese Excel decodes
 * exactly. Other encodings (Big5, UTF-16) must be forced. Mixed files — mostly UTF-8 with a GBK line pasted in —
 * are not UTF-8, so they are read as GB18030 and their UTF-8 parts come out garbled: force UTF-8 to get the bad
 * lines reported instead.
 *
 * @param text       the decoded text, without byte order mark
 * @param charset    the charset used
 * @param badLines   1-based physical lines holding undecodable bytes (line ends as Commons CSV counts them:
 *                   {@code \r\n}, {@code \n} or a lone {@code \r})
 * @param badMessage what to tell staff about such a line (Chinese)
 */
record DecodedText(String text, Charset charset, NavigableSet<Integer> badLines, String badMessage) {

    /** GB18030 rather than GBK: same bytes for every GBK character, and it also decodes the rarer characters. */
    static final Charset GB18030 = Charset.forName("GB18030");

    private static final char REPLACEMENT = '\uFFFD';

    /** Decodes {@code bytes} as {@code forced}, or detects the charset when {@code forced} is {@code null}. */
    static DecodedText decode(byte[] bytes, Charset forced) {
        boolean bom = hasUtf8Bom(bytes);
        if (forced != null) {
            int skip = bom && forced.equals(StandardCharsets.UTF_8) ? 3 : 0;
            return decode(bytes, skip, forced, "不能按指定的编码 " + forced.name() + " 解码");
        }
        if (bom) {
            return decode(bytes, 3, StandardCharsets.UTF_8, "文件带 UTF-8 BOM，但此处不是有效的 UTF-8 编码");
        }
        DecodedText utf8 = decode(bytes, 0, StandardCharsets.UTF_8, "");
        if (utf8.badLines.isEmpty()) {
            return utf8;
        }
        return decode(bytes, 0, GB18030, "既不是有效的 UTF-8，也不是有效的 GBK/GB18030 编码");
    }

    static boolean hasUtf8Bom(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
    }

    /** True when lines {@code from}–{@code to} (inclusive) hold undecodable bytes. */
    boolean isBad(int from, int to) {
        Integer bad = badLines.ceiling(from);
        return bad != null && bad <= to;
    }

    /** The first bad line in {@code from}–{@code to}, or {@code from} when there is none. */
    int firstBad(int from, int to) {
        Integer bad = badLines.ceiling(from);
        return bad != null && bad <= to ? bad : from;
    }

    private static DecodedText decode(byte[] bytes, int skip, Charset charset, String badMessage) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
        // Neither UTF-8 nor GB18030 yields more chars than bytes; other charsets grow the buffer below.
        CharBuffer out = CharBuffer.allocate(bytes.length + 16);
        List<Integer> badOffsets = new ArrayList<>();
        while (true) {
            CoderResult r = decoder.decode(in, out, true);
            if (r.isOverflow()) {
                out = grow(out);
            } else if (r.isError()) {
                if (!out.hasRemaining()) {
                    out = grow(out);
                }
                badOffsets.add(out.position());
                out.put(REPLACEMENT);
                in.position(in.position() + r.length());
            } else {
                break;
            }
        }
        while (decoder.flush(out).isOverflow()) {
            out = grow(out);
        }
        String text = out.flip().toString();
        return new DecodedText(text, charset, linesOf(text, badOffsets), badMessage);
    }

    private static CharBuffer grow(CharBuffer out) {
        CharBuffer bigger = CharBuffer.allocate(out.capacity() * 2 + 16);
        return bigger.put(out.flip());
    }

    /** The physical lines of sorted char offsets, counting line ends the way Commons CSV does. */
    private static NavigableSet<Integer> linesOf(String text, List<Integer> offsets) {
        NavigableSet<Integer> lines = new TreeSet<>();
        int line = 1;
        int pos = 0;
        for (int offset : offsets) {
            for (; pos < offset; pos++) {
                char c = text.charAt(pos);
                if (c == '\n' || c == '\r' && (pos + 1 == text.length() || text.charAt(pos + 1) != '\n')) {
                    line++;
                }
            }
            lines.add(line);
        }
        return lines;
    }
}
