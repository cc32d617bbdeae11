package dev.duijie.corpus;

/**
 * One problem found while reading input, located by file and line.
 *
 * @param severity {@link Severity#ERROR} rejects the record; {@link Severity#WARNING} keeps it
 * @param file     the file name as given to the reader
 * @param line     1-based line number, or 0 for a problem with the whole file
 * @param field    the field concerned, or {@code null}
 * @param message  what is wrong, in Chinese, for the staff member who fixes the export
 */
public record Problem(Severity severity, String file, int line, String field, String message) {

    /** How bad a problem is. */
    public enum Severity { ERROR, WARNING }

    /** {@code file:line: [field] message}, the format every command prints. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
        }
        sb.append(": ").append(severity == Severity.ERROR ? "错误" : "警告").append(": ");
        if (field != null) {
            sb.append(field).append(": ");
        }
        return sb.append(message).toString();
    }
}
