package dev.duijie.server.cli;

import dev.duijie.match.MatchConfig;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import java.util.Map;

/** {@code --set NAME=VALUE} of eval and bench: ranking weights of {@link MatchConfig} overridden for one run. */
final class ConfigOverrides {
    private ConfigOverrides() {
    }

    static MatchConfig apply(CommandSpec spec, Map<String, Double> overrides) {
        MatchConfig config = MatchConfig.DEFAULT;
        for (Map.Entry<String, Double> e : overrides.entrySet()) {
            try {
                config = config.with(e.getKey(), e.getValue());
            } catch (IllegalArgumentException ex) {
                throw new ParameterException(spec.commandLine(), "--set " + e.getKey() + ": " + ex.getMessage());
            }
        }
        return config;
    }
}
