package dev.duijie.server.cli;

import dev.duijie.corpus.CorpusLoader;
import dev.duijie.corpus.LoadReport;
import dev.duijie.corpus.Problem;
import dev.duijie.data.BundledCorpus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code ./duijie validate [DIR]}: every problem as file:line, then one summary line. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        header = "Check a corpus directory and list every problem as file:line.",
        description = {"Check a corpus directory (JSON Lines format, see README) and print every problem as file:line,",
                "then a summary line with the record counts. Without DIR, checks the bundled corpus."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no errors (warnings may be printed)", "1:at least one error", "2:invalid command line"})
final class ValidateCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "DIR", description = "corpus directory (default: the bundled corpus)")
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        LoadReport report = CorpusLoader.load(dir != null ? dir : BundledCorpus.directory());
        PrintWriter out = spec.commandLine().getOut();
        for (Problem p : report.problems()) {
            out.println(p);
        }
        out.println(report.summary());
        return report.hasErrors() ? 1 : 0;
    }
}
