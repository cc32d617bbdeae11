package dev.duijie.data.gen;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes records as JSON Lines, fields in insertion order, absent (null) fields left out, Chinese unescaped. */
final class JsonlWriter implements Closeable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final BufferedWriter out;

    JsonlWriter(Path file) throws IOException {
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    /** Starts a record; {@code put} fields, then {@link Rec#write()}. */
    Rec record() {
        return new Rec();
    }

    final class Rec {
        private final Map<String, Object> fields = new LinkedHashMap<>();

        Rec put(String name, Object value) {
            if (value != null) {
                fields.put(name, value);
            }
            return this;
        }

        void write() throws IOException {
            out.write(JSON.writeValueAsString(fields));
            out.write('\n');
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
