package dev.duijie.index;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.duijie.corpus.Expert;
import dev.duijie.corpus.Institution;
import dev.duijie.corpus.Kind;
import dev.duijie.corpus.Need;
import dev.duijie.corpus.Result;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Records to and from the JSON stored with each document (the corpus format's own field names). */
public final class RecordJson {
    /** Shared mapper: corpus field names, ISO dates, absent fields left out. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private RecordJson() {
    }

    static byte[] write(Object record) {
        try {
            return MAPPER.writeValueAsBytes(record);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Object read(Kind kind, byte[] json) {
        try {
            return MAPPER.readValue(json, type(kind));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Class<?> type(Kind kind) {
        return switch (kind) {
            case RESULT -> Result.class;
            case NEED -> Need.class;
            case EXPERT -> Expert.class;
            case INSTITUTION -> Institution.class;
        };
    }
}
