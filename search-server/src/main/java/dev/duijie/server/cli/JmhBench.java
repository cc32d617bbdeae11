package dev.duijie.server.cli;

import dev.duijie.server.bench.AnalysisBenchmark;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JMH microbenchmarks of {@code dev.duijie.server.bench} in one forked JVM each (JMH's own progress goes to
 * stderr): analysis chain vs smartcn, the WordPiece tokenizer, reciprocal-rank fusion.
 */
final class JmhBench {
    private JmhBench() {
    }

    static void run(BenchReport report, int seconds) throws RunnerException {
        var options = new OptionsBuilder()
                .include("dev\\.duijie\\.server\\.bench\\..*")
                .forks(1)
                .threads(1)
                .warmupIterations(2).warmupTime(TimeValue.seconds(Math.max(1, seconds / 2)))
                .measurementIterations(3).measurementTime(TimeValue.seconds(seconds))
                .build();
        var results = new Runner(options, OutputFormatFactory.createFormatInstance(System.err, VerboseMode.NORMAL)).run();
        double bytesPerText = AnalysisBenchmark.bytesPerText();
        for (RunResult r : results) {
            var params = r.getParams();
            String name = params.getBenchmark().replaceFirst(".*\\.bench\\.", "");
            String config = params.getParamsKeys().stream().map(k -> k + "=" + params.getParam(k))
                    .reduce((a, b) -> a + "," + b).orElse("1 thread");
            var score = r.getPrimaryResult();
            Map<String, Object> f = new LinkedHashMap<>();
            f.put(score.getScoreUnit(), score.getScore());
            f.put("±", score.getScoreError());
            if (name.startsWith("AnalysisBenchmark")) {
                f.put("MB/s", score.getScore() * bytesPerText / 1e6);
            }
            report.add("jmh", name, null, config, f);
        }
    }
}
