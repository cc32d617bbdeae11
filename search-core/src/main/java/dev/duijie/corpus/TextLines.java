package dev.duijie.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Reads UTF-8 text line by line, strictly: a line with invalid UTF-8 or longer than a limit is reported with its
 * line number instead of being decoded with replacement characters or read into memory whole. A leading byte
 * order mark is skipped (Excel and Notepad write one); {@code \r\n} and {@code \n} both end a line.
 * Shared by every file reader in the library (corpus files, eval files, lexicons).
 */
public final class TextLines {

    /**
     * One line.
     *
     * @param number 1-based line number
     * @param text   the decoded line without its terminator, or {@code null} when {@code error} is set
     * @param error  why the line could not be read (Chinese), or {@code null}
     */
    public record Line(int number, String text, String error) {
    }

    private TextLines() {
    }

    /** Calls {@code action} for every line of {@code in}; lines over {@code maxLineBytes} bytes are reported. */
    public static void forEach(InputStream in, int maxLineBytes, Consumer<Line> action) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        byte[] chunk = new byte[1 << 16];
        byte[] buf = new byte[256];
        int len = 0;
        int number = 1;
        boolean tooLong = false;
        int n;
        while ((n = in.read(chunk)) != -1) {
            for (int i = 0; i < n; i++) {
                byte b = chunk[i];
                if (b == '\n') {
                    emit(decoder, buf, len, number++, tooLong, maxLineBytes, action);
                    len = 0;
                    tooLong = false;
                } else if (!tooLong) {
                    if (len == maxLineBytes) {
                        tooLong = true;
                    } else {
                        if (len == buf.length) {
                            buf = Arrays.copyOf(buf, (int) Math.min(buf.length * 2L, maxLineBytes));
                        }
                        buf[len++] = b;
                    }
                }
            }
        }
        if (len > 0 || tooLong) {
            emit(decoder, buf, len, number, tooLong, maxLineBytes, action);
        }
    }

    private static void emit(CharsetDecoder decoder, byte[] buf, int len, int number, boolean tooLong,
                             int maxLineBytes, Consumer<Line> action) {
        if (tooLong) {
            action.accept(new Line(number, null, "行过长（超过 " + maxLineBytes + " 字节），已跳过"));
            return;
        }
        int start = 0;
        if (number == 1 && len >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF) {
            start = 3;
        }
        int end = len;
        if (end > start && buf[end - 1] == '\r') {
            end--;
        }
        try {
            CharBuffer chars = decoder.reset().decode(ByteBuffer.wrap(buf, start, end - start));
            action.accept(new Line(number, chars.toString(), null));
        } catch (MalformedInputException e) {
            action.accept(new Line(number, null, "不是有效的 UTF-8 编码（文件可能是 GBK/GB18030，请另存为 UTF-8）"));
        } catch (CharacterCodingException e) {
            action.accept(new Line(number, null, "不是有效的 UTF-8 编码"));
        }
    }
}
