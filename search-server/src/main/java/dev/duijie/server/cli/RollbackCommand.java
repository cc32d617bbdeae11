package dev.duijie.server.cli;

import dev.duijie.index.IndexHome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code ./duijie rollback}: make the previous generation live again. */
@Command(name = "rollback", mixinStandardHelpOptions = true,
        header = "Make the previous index generation live again.",
        description = {"Point the index home back at the previous generation (or --to GEN). Running servers follow",
                "within a second. Generations are kept by reindex --keep (default 2 previous)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:switched", "1:no previous generation", "2:invalid command line",
                "4:a reindex is running", "5:I/O error"})
final class RollbackCommand implements Callable<Integer> {
    @Option(names = "--index", required = true, paramLabel = "DIR", description = "index home")
    java.nio.file.Path index;

    @Option(names = "--to", paramLabel = "GEN", description = "generation to make live, e.g. gen-000003")
    String to;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        IndexHome home = IndexHome.at(index);
        try (IndexHome.Lock lock = home.lock()) {
            List<String> gens = home.generations();
            String live;
            try {
                live = home.live().orElse(null);
            } catch (java.io.IOException corrupt) {
                live = null; // a corrupt pointer is exactly what a rollback repairs
                spec.commandLine().getErr().println("duijie: " + corrupt.getMessage());
            }
            String target = to;
            if (target == null) {
                int at = live == null ? gens.size() : gens.indexOf(live);
                target = at > 0 ? gens.get(at - 1) : null;
            }
            if (target == null || !gens.contains(target)) {
                spec.commandLine().getErr().println("duijie rollback: no previous generation to roll back to (have " + gens + ")");
                return 1;
            }
            home.switchTo(target);
            spec.commandLine().getOut().println("rollback: live " + live + " → " + target);
            return 0;
        } catch (IndexHome.LockedException e) {
            spec.commandLine().getErr().println("duijie rollback: " + e.getMessage());
            return 4;
        } catch (java.io.IOException e) {
            spec.commandLine().getErr().println("duijie rollback: " + e.getMessage());
            return 5;
        }
    }
}
