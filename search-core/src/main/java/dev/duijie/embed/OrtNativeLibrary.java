package dev.duijie.embed;

import ai.onnxruntime.OrtEnvironment;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Loads ONNX Runtime's native libraries once per JVM without leaving anything in {@code java.io.tmpdir}.
 *
 * <p>Left alone, ONNX Runtime 1.22 copies {@code libonnxruntime.so} and {@code libonnxruntime4j_jni.so} (about
 * 21 MB) into a fresh {@code onnxruntime-java<random>} directory on every JVM start and only marks them
 * {@code deleteOnExit}: the files go at exit, the directory never does (it is marked first, so it is deleted
 * first, while still full), and a killed JVM leaves all 21 MB. Instead we copy the two libraries ourselves,
 * point {@code onnxruntime.native.path} at our copy, and delete it as soon as the libraries are mapped (on
 * Linux and macOS a loaded library stays usable after its file is unlinked). ONNX Runtime still creates its own
 * directory before it reads that property; with nothing extracted into it, it is empty, and we remove it too.
 */
final class OrtNativeLibrary {

    private static final System.Logger LOG = System.getLogger(OrtNativeLibrary.class.getName());

    /** The property ONNX Runtime reads for a directory holding its libraries; ours only while loading. */
    static final String PATH_PROPERTY = "onnxruntime.native.path";

    /** In load order: the JNI binding links against the runtime. */
    private static final List<String> LIBRARIES = List.of("onnxruntime", "onnxruntime4j_jni");

    private static boolean loaded;

    private OrtNativeLibrary() {
    }

    /**
     * Loads the native libraries if this JVM has not yet.
     *
     * @throws IOException if the libraries cannot be copied out of the jar
     * @throws LinkageError if they cannot be loaded (no build for this platform, missing system libraries …)
     */
    static synchronized void load() throws IOException {
        if (loaded) {
            return;
        }
        if (userConfigured()) {
            // Someone chose where the libraries come from: nothing is extracted, nothing for us to clean.
            OrtEnvironment.getEnvironment();
        } else {
            loadFromOwnCopy();
        }
        loaded = true;
    }

    private static boolean userConfigured() {
        if (System.getProperty(PATH_PROPERTY) != null) {
            return true;
        }
        for (String library : LIBRARIES) {
            if (System.getProperty("onnxruntime.native." + library + ".path") != null
                    || System.getProperty("onnxruntime.native." + library + ".skip") != null) {
                return true;
            }
        }
        return false;
    }

    private static void loadFromOwnCopy() throws IOException {
        Path dir = Files.createTempDirectory("duijie-onnxruntime");
        List<Path> copied = new ArrayList<>();
        try {
            for (String library : LIBRARIES) {
                Path target = copy(library, dir);
                if (target == null) {
                    // No bundled build for this platform: ONNX Runtime falls back to java.library.path itself.
                    LOG.log(System.Logger.Level.DEBUG, "no bundled " + library + " for " + platform());
                    deleteAll(copied, dir);
                    OrtEnvironment.getEnvironment();
                    return;
                }
                copied.add(target);
            }
            System.setProperty(PATH_PROPERTY, dir.toString());
            try {
                OrtEnvironment.getEnvironment();
            } finally {
                // Read once, during the load above; afterwards it would only point at a deleted directory.
                System.clearProperty(PATH_PROPERTY);
            }
        } finally {
            deleteAll(copied, dir);
            removeOrtTempDirectory();
        }
    }

    /** Copies one bundled library into {@code dir} under the name ONNX Runtime looks for; null if not bundled. */
    private static Path copy(String library, Path dir) throws IOException {
        String fileName = System.mapLibraryName(library).replace("jnilib", "dylib");
        String resource = "/ai/onnxruntime/native/" + platform() + "/" + fileName;
        try (InputStream in = OrtEnvironment.class.getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            Path target = dir.resolve(fileName);
            Files.copy(in, target);
            return target;
        }
    }

    /** The directory name ONNX Runtime's jar uses for this platform, e.g. linux-x64. */
    static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String o = os.contains("mac") || os.contains("darwin") ? "osx" : os.contains("win") ? "win" : "linux";
        String a = arch.startsWith("amd64") || arch.startsWith("x86_64") ? "x64"
                : arch.startsWith("aarch64") ? "aarch64" : arch;
        return o + "-" + a;
    }

    private static void deleteAll(List<Path> files, Path dir) {
        for (Path file : files) {
            delete(file);
        }
        files.clear();
        delete(dir);
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // Windows cannot delete a loaded DLL; the JVM tries again at exit.
            path.toFile().deleteOnExit();
        }
    }

    /**
     * Removes the (empty) directory ONNX Runtime created before reading {@link #PATH_PROPERTY}. Its name is
     * random, so it is read from ONNX Runtime's private field rather than guessed from a listing of the shared
     * temp directory, where it could be another JVM's directory in the middle of extraction. If the field is
     * gone or inaccessible in some version, nothing is lost: ONNX Runtime marked the directory deleteOnExit,
     * which succeeds for an empty one.
     */
    private static void removeOrtTempDirectory() {
        try {
            Field field = Class.forName("ai.onnxruntime.OnnxRuntime").getDeclaredField("tempDirectory");
            field.setAccessible(true);
            if (field.get(null) instanceof Path dir) {
                Files.deleteIfExists(dir);
            }
        } catch (DirectoryNotEmptyException e) {
            LOG.log(System.Logger.Level.DEBUG, "ONNX Runtime extracted into " + e.getFile() + "; left to it");
        } catch (ReflectiveOperationException | RuntimeException | IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot remove ONNX Runtime's temp directory: " + e);
        }
    }
}
