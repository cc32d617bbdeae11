package dev.duijie.index;

import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;

/**
 * How embeddings are stored for HNSW search. Both keep Lucene's default graph parameters (M 16, beam 100); the
 * choice is measured by {@code ./duijie bench --only vectors} and recorded in docs/quality.md.
 */
public enum VectorFormat {
    /** Full float32 vectors: 2 KiB per 512-dimension vector. */
    FLOAT32(new Lucene99HnswVectorsFormat()),
    /**
     * Lucene's int8 scalar quantisation (7 bits, per-segment confidence interval): the graph is searched on bytes, a
     * quarter of the memory to keep hot; the floats stay on disk for merges.
     */
    INT8(new Lucene99HnswScalarQuantizedVectorsFormat());

    /**
     * The format Duijie indexes with. Measured on the bundled corpus's 11,561 vectors (docs/quality.md): at the
     * 100 candidates hybrid matching asks for, float32 finds 0.997 of the exact top 10 and int8 0.969; int8's index
     * is larger on disk (it keeps the floats for merging, plus the bytes) and no faster here. Int8 pays off only when
     * RAM cannot hold the float vectors (about 2 GB per million records).
     */
    public static final VectorFormat DEFAULT = FLOAT32;

    private final KnnVectorsFormat format;

    VectorFormat(KnnVectorsFormat format) {
        this.format = format;
    }

    /** Lucene's current codec with this vector format for every vector field. */
    public Codec codec() {
        return new Lucene912Codec() {
            @Override
            public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                return format;
            }
        };
    }
}
