package dev.duijie.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;

/**
 * The bundled 株洲 sample corpus, shipped as classpath resources so the server starts with no files on disk.
 * Synthetic: see {@code corpus/README.md}.
 */
public final class BundledCorpus {
    /** Resource folder of the corpus inside this jar. */
    public static final String RESOURCE_DIR = "/duijie/corpus/zhuzhou";

    private BundledCorpus() {
    }

    /**
     * The corpus directory as a {@link Path}: a real directory when running from classes, a path inside the jar's
     * zip file system when running from a jar. Either way it can be read with {@code java.nio.file.Files}.
     */
    public static synchronized Path directory() {
        URL url = BundledCorpus.class.getResource(RESOURCE_DIR + "/results.jsonl");
        if (url == null) {
            throw new IllegalStateException("bundled corpus missing from the classpath: " + RESOURCE_DIR);
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                return fs.getPath(RESOURCE_DIR);
            }
            return Path.of(uri).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
