package dev.duijie.eval;

import dev.duijie.corpus.Expert;
import dev.duijie.corpus.Need;
import dev.duijie.corpus.Result;

import java.util.List;

/** Minimal records for hand-built corpora. */
final class Fixtures {
    private Fixtures() {
    }

    static Result result(String id, String title, String summary) {
        return new Result(id, title, summary, List.of(), null, null, List.of(), null, null, List.of(), null);
    }

    static Need need(String id, String title, String description) {
        return new Need(id, title, description, null, null, null, List.of(), null, null, null);
    }

    static Expert expert(String id, String name) {
        return new Expert(id, name, null, null, List.of(), null);
    }
}
