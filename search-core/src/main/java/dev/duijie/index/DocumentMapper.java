package dev.duijie.index;

import dev.duijie.corpus.Expert;
import dev.duijie.corpus.Institution;
import dev.duijie.corpus.Kind;
import dev.duijie.corpus.Need;
import dev.duijie.corpus.Result;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Turns corpus records into Lucene documents: text fields per kind, shared filter and facet fields. */
final class DocumentMapper {
    static final FacetsConfig FACETS = facetsConfig();

    private DocumentMapper() {
    }

    private static FacetsConfig facetsConfig() {
        FacetsConfig config = new FacetsConfig();
        config.setMultiValued(Fields.TRANSFER_MODE, true);
        return config;
    }

    /** The record's document; with {@code vectors}, its embedding too (results, needs and experts). */
    static Document document(Object record, java.util.function.Function<String, float[]> vectors) {
        Document doc = new Document();
        String embedded = vectors == null ? null : embeddingText(record);
        if (embedded != null) {
            doc.add(new org.apache.lucene.document.KnnFloatVectorField(Fields.VECTOR, vectors.apply(embedded),
                    org.apache.lucene.index.VectorSimilarityFunction.DOT_PRODUCT)); // unit vectors: dot = cosine
            byte[] passages = Passages.encode(record, vectors);
            if (passages != null) {
                doc.add(new StoredField(Fields.PASSAGES, passages));
            }
        }
        Kind kind;
        if (record instanceof Result r) {
            kind = result(doc, r);
        } else if (record instanceof Need n) {
            kind = need(doc, n);
        } else if (record instanceof Expert e) {
            kind = expert(doc, e);
        } else if (record instanceof Institution i) {
            kind = institution(doc, i);
        } else {
            throw new IllegalArgumentException("not a corpus record: " + record);
        }
        doc.add(new StringField(Fields.KIND, kind.name(), Field.Store.NO));
        doc.add(new StoredField(Fields.SOURCE, RecordJson.write(record)));
        try {
            return FACETS.build(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What is embedded per kind: a result's title and summary, a need's text, an expert's name, areas and bio. */
    static String embeddingText(Object record) {
        if (record instanceof Result r) {
            return r.title() + "\n" + r.summary();
        } else if (record instanceof Need n) {
            return n.text();
        } else if (record instanceof Expert e) {
            return e.name() + "\n" + String.join("、", e.areas()) + "\n" + (e.bio() == null ? "" : e.bio());
        }
        return null;
    }

    private static Kind result(Document doc, Result r) {
        id(doc, r.id());
        text(doc, Kind.RESULT, r.title(), String.join("；", r.keywords()), r.summary());
        keyword(doc, Fields.INDUSTRY, r.industry());
        keyword(doc, Fields.INSTITUTION, r.institution());
        keyword(doc, Fields.IP_TYPE, r.ipType());
        r.transferModes().forEach(m -> keyword(doc, Fields.TRANSFER_MODE, m));
        r.team().forEach(e -> doc.add(new StringField(Fields.TEAM, e, Field.Store.NO)));
        trl(doc, r.trl());
        date(doc, r.date());
        return Kind.RESULT;
    }

    private static Kind need(Document doc, Need n) {
        id(doc, n.id());
        text(doc, Kind.NEED, n.title(), String.join("；", n.keywords()), n.description());
        keyword(doc, Fields.INDUSTRY, n.industry());
        keyword(doc, Fields.REGION, n.region());
        trl(doc, n.requiredTrl());
        date(doc, n.deadline());
        return Kind.NEED;
    }

    private static Kind expert(Document doc, Expert e) {
        id(doc, e.id());
        text(doc, Kind.EXPERT, e.name(), String.join("；", e.areas()), e.bio());
        keyword(doc, Fields.INSTITUTION, e.institution());
        return Kind.EXPERT;
    }

    private static Kind institution(Document doc, Institution i) {
        id(doc, i.id());
        text(doc, Kind.INSTITUTION, i.name(), i.type(), i.city());
        return Kind.INSTITUTION;
    }

    private static void id(Document doc, String id) {
        doc.add(new StringField(Fields.ID, id, Field.Store.YES));
    }

    private static void text(Document doc, Kind kind, String title, String keywords, String body) {
        List<String> all = new ArrayList<>();
        addText(doc, Fields.text(kind, Fields.Role.TITLE), title, all);
        addText(doc, Fields.text(kind, Fields.Role.KEYWORDS), keywords, all);
        addText(doc, Fields.text(kind, Fields.Role.BODY), body, all);
        if (!all.isEmpty()) {
            doc.add(new TextField(Fields.text(kind, Fields.Role.BIGRAM), String.join("\n", all), Field.Store.NO));
        }
    }

    private static void addText(Document doc, String field, String value, Collection<String> all) {
        if (value != null && !value.isBlank()) {
            doc.add(new TextField(field, value, Field.Store.NO));
            all.add(value);
        }
    }

    private static void keyword(Document doc, String field, String value) {
        if (value != null && !value.isBlank()) {
            doc.add(new StringField(field, value, Field.Store.NO));
            doc.add(new SortedSetDocValuesFacetField(field, value));
        }
    }

    private static void trl(Document doc, Integer trl) {
        if (trl != null) {
            doc.add(new IntPoint(Fields.TRL, trl));
            doc.add(new NumericDocValuesField(Fields.TRL, trl));
            doc.add(new SortedSetDocValuesFacetField(Fields.TRL, Integer.toString(trl)));
        }
    }

    private static void date(Document doc, LocalDate date) {
        if (date != null) {
            doc.add(new LongPoint(Fields.DATE, date.toEpochDay()));
        }
    }
}
