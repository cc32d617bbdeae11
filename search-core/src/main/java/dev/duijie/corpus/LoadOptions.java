package dev.duijie.corpus;

import java.nio.charset.Charset;
import java.nio.file.Path;

/**
 * How {@link CorpusLoader} reads a corpus directory.
 *
 * @param csvCharset the encoding of the staff CSV exports ({@code results.csv} …), or {@code null} to detect it per
 *                   file (UTF-8 with or without BOM, else GB18030, which covers GBK). JSON Lines files are always
 *                   UTF-8: that is their contract.
 * @param qrels      judgments to read instead of the directory's own {@code qrels.tsv}, or {@code null}
 */
public record LoadOptions(Charset csvCharset, Path qrels) {

    /** Auto-detected CSV encoding, the directory's own qrels. */
    public static final LoadOptions DEFAULTS = new LoadOptions(null, null);

    /** These options with CSV files decoded as {@code charset} ({@code null}: detect per file). */
    public LoadOptions withCsvCharset(Charset charset) {
        return new LoadOptions(charset, qrels);
    }

    /** These options with judgments read from {@code file} ({@code null}: the directory's own). */
    public LoadOptions withQrels(Path file) {
        return new LoadOptions(csvCharset, file);
    }
}
