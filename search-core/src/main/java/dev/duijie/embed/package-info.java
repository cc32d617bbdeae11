/**
 * In-process text embedding with BAAI bge-small-zh-v1.5 (int8 ONNX), read as classpath resources from the
 * model jar ({@code BgeSmallZh}) and run by ONNX Runtime ({@link dev.duijie.embed.Embedder}). Its WordPiece
 * tokenizer ({@code BertTokenizer}) is plain Java and matches HuggingFace's tokenizer id for id, with one
 * deliberate fix: it always lower-cases.
 */
package dev.duijie.embed;
