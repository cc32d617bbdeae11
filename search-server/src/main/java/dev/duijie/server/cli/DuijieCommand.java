package dev.duijie.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** {@code ./duijie}: the command line. Each subcommand is a thin layer over the library. */
@Command(name = "duijie",
        mixinStandardHelpOptions = true,
        version = "duijie 0.1.0",
        description = {"对接 Duijie: match enterprise technology needs with research results and experts.", ""},
        subcommands = {ServeCommand.class, ReindexCommand.class, RollbackCommand.class, ValidateCommand.class, MatchCommand.class, AnalyzeCommand.class, EvalCommand.class, PoolCommand.class, BenchCommand.class, GenerateCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:success",
                "1:the input has problems (validate) or the command failed",
                "2:invalid command line"})
public final class DuijieCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The configured command line, with UTF-8 output whatever the platform default. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return new CommandLine(new DuijieCommand()).setOut(out).setErr(err);
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(commandLine(out, err).execute(args));
    }
}
