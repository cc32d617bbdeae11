package dev.duijie.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.duijie.corpus.Kind;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The journal of incremental updates ({@code HOME/updates.jsonl}): one JSON line per upsert or delete, appended and
 * fsynced before the index changes, so an acknowledged update survives a crash and a restart, and a nightly reindex
 * can re-apply it.
 *
 * <p><b>Precedence rule</b> (what a reindex does with an entry): an update made <em>after</em> the export file of its
 * kind was last modified is newer than the export and is re-applied on top of it; an update made before is
 * superseded by the export, dropped from the journal and listed in the reindex report. So a reindex from an older
 * export never silently undoes a later correction, and a fresh export still wins over stale edits.
 */
public final class UpdateJournal {
    /** One journal entry; {@code record} is null for deletes. */
    public record Entry(long epochMillis, String op, Kind kind, String id, Object record) {
        public boolean isDelete() {
            return "delete".equals(op);
        }
    }

    private final Path file;

    public UpdateJournal(Path file) {
        this.file = file;
    }

    /** Appends an entry durably. */
    public synchronized void append(Entry e) throws IOException {
        ObjectNode o = RecordJson.MAPPER.createObjectNode();
        o.put("ts", e.epochMillis()).put("op", e.op()).put("kind", e.kind().plural()).put("id", e.id());
        if (e.record() != null) {
            o.set("record", RecordJson.MAPPER.valueToTree(e.record()));
        }
        Files.createDirectories(file.getParent());
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ch.write(ByteBuffer.wrap((RecordJson.MAPPER.writeValueAsString(o) + "\n").getBytes(StandardCharsets.UTF_8)));
            ch.force(true);
        }
    }

    /**
     * The entries in force, last write per (kind, id) winning. A torn last line (a crash mid-append, before the
     * update was acknowledged) is ignored.
     */
    public synchronized List<Entry> entries() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        Map<String, Entry> last = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n;
            try {
                n = RecordJson.MAPPER.readTree(line);
            } catch (IOException torn) {
                continue;
            }
            Kind kind = Kind.parse(n.path("kind").asText()).orElse(null);
            if (kind == null) {
                continue;
            }
            String id = n.path("id").asText();
            Object record = n.has("record") ? RecordJson.read(kind, bytes(n.get("record"))) : null;
            last.remove(kind + "/" + id);
            last.put(kind + "/" + id, new Entry(n.path("ts").asLong(), n.path("op").asText(), kind, id, record));
        }
        return List.copyOf(last.values());
    }

    /** Replaces the journal with {@code keep} (atomically), after a reindex applied the precedence rule. */
    public synchronized void rewrite(List<Entry> keep) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        UpdateJournal next = new UpdateJournal(tmp);
        for (Entry e : keep) {
            next.append(e);
        }
        if (keep.isEmpty()) {
            Files.deleteIfExists(file);
        } else {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static byte[] bytes(JsonNode n) {
        try {
            return RecordJson.MAPPER.writeValueAsBytes(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
