package dev.duijie.corpus;

import java.util.List;
import java.util.Map;

/**
 * What {@link CorpusLoader} read: the corpus of every record without errors, and every problem found.
 *
 * @param corpus   the valid records (a record with any {@link Problem.Severity#ERROR} is not in it)
 * @param problems all problems, file by file in reading order
 * @param rowsRead non-blank rows read per file name (for a CSV file its data rows, not the header), so that
 *                 rejected = read − accepted is visible
 */
public record LoadReport(Corpus corpus, List<Problem> problems, Map<String, Integer> rowsRead) {
    public LoadReport {
        problems = List.copyOf(problems);
        rowsRead = Map.copyOf(rowsRead);
    }

    /** Problems that rejected a record or a file. */
    public List<Problem> errors() {
        return problems.stream().filter(p -> p.severity() == Problem.Severity.ERROR).toList();
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR);
    }

    /** One line for terminals and cron: counts per kind and of problems. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        for (Kind k : Kind.values()) {
            sb.append(k.plural()).append(' ').append(corpus.count(k)).append(", ");
        }
        sb.append("queries ").append(corpus.queries().size()).append(", qrels ").append(corpus.judgments().size());
        long warnings = problems.size() - errors().size();
        sb.append("; 错误 ").append(errors().size()).append(" 个, 警告 ").append(warnings).append(" 个");
        return sb.toString();
    }
}
