package dev.duijie.server.cli;

import dev.duijie.data.gen.CorpusGenerator;
import dev.duijie.data.gen.ScaleGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code ./duijie generate}: rebuild the bundled corpus from its banks, or write a synthetic scale corpus. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        header = "Rebuild the bundled corpus from its banks, or write a scale corpus.",
        description = {"Generate a corpus directory. Deterministic: the same input and seed give the same bytes.",
                "  --banks DIR   rebuild the bundled corpus from the hand-written banks (corpus/banks)",
                "  --scale N     write N synthetic results (plus needs, experts, institutions) for benchmarks,",
                "                recombined from the bundled corpus; not committed"})
final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--banks", paramLabel = "DIR", description = "bank directory (rebuild the bundled corpus)")
    Path banks;

    @Option(names = "--scale", paramLabel = "N", description = "number of synthetic results")
    Integer scale;

    @Option(names = "--seed", description = "seed for --scale (default: ${DEFAULT-VALUE})")
    long seed = CorpusGenerator.SEED;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output directory")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if ((banks == null) == (scale == null)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give exactly one of --banks or --scale");
        }
        if (banks != null) {
            spec.commandLine().getOut().println(CorpusGenerator.describe(CorpusGenerator.generateBundled(banks, out)));
        } else {
            if (scale < 1) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--scale must be at least 1");
            }
            spec.commandLine().getOut().println(ScaleGenerator.generate(scale, seed, out));
        }
        return 0;
    }
}
