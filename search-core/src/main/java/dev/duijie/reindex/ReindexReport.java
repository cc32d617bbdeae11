package dev.duijie.reindex;

import java.util.List;
import java.util.Map;

/**
 * What a reindex did, for cron (one {@link #summary()} line), for people (the JSON report file) and for the exit code.
 *
 * @param status        what happened
 * @param message       one sentence on the outcome or the failure
 * @param liveBefore    the live generation before the run (null when there was none)
 * @param liveAfter     the live generation after the run (unchanged unless {@link Status#OK})
 * @param built         the generation built (null when the run stopped before)
 * @param rowsRead      input rows read per file
 * @param rejected      rows rejected (each in the rejects file with file:line and reason)
 * @param rejectRatio   the highest share of rejected rows in any one input file
 * @param counts        documents per kind in the built generation
 * @param updatesApplied journaled incremental updates re-applied (newer than the export)
 * @param updatesDropped journaled updates superseded by a newer export (kind/id)
 * @param pruned        old generations removed
 * @param phaseSeconds  wall time per phase
 * @param embeddings    texts embedded by the model and taken from the cache; {@code null} when the run built no
 *                      embeddings (switched off, model unavailable, or stopped before indexing)
 */
public record ReindexReport(Status status, String message, String liveBefore, String liveAfter, String built,
                            Map<String, Integer> rowsRead, int rejected, double rejectRatio, Map<String, Integer> counts,
                            int updatesApplied, List<String> updatesDropped, List<String> pruned,
                            Map<String, Double> phaseSeconds, Embeddings embeddings) {

    /** Embedding work of a run: a reindex of an unchanged corpus embeds 0 texts. */
    public record Embeddings(String model, int embedded, int fromCache) {
    }

    /** Outcomes, each with its exit code (documented in {@code ./duijie reindex --help}). */
    public enum Status {
        OK(0), INPUT_REJECTED(1), CHECK_FAILED(3), LOCKED(4), IO_ERROR(5);

        private final int exitCode;

        Status(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    /** One line for cron mail. */
    public String summary() {
        return String.format("reindex %s: %s; live %s → %s; rows %d, rejected %d (%.2f%%); %s; %s",
                status, message, liveBefore, liveAfter, rowsRead.values().stream().mapToInt(Integer::intValue).sum(),
                rejected, 100 * rejectRatio, counts, embeddings == null ? "no embeddings"
                        : "embeddings: " + embeddings.embedded() + " embedded, " + embeddings.fromCache() + " from cache");
    }
}
