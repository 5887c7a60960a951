package org.councilbot.channels;

import io.helidon.config.Config;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.councilbot.core.CouncilbotException;

/**
 * Reads settings from the YAML configuration, each overridable by an environment variable.
 *
 * <p>The variable's name is the key upper-cased with dots and dashes as underscores:
 * {@code councilbot.data-dir} is {@code COUNCILBOT_DATA_DIR}. Secrets belong in variables only.
 */
final class SettingsReader {
    private final Config config;
    private final Map<String, String> environment;

    SettingsReader(Config config, Map<String, String> environment) {
        this.config = config;
        this.environment = environment;
    }

    static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    Optional<String> optional(String key) {
        String fromEnvironment = environment.get(environmentName(key));
        if (fromEnvironment != null) {
            return Optional.of(fromEnvironment);
        }
        return config.get(key).asString().asOptional();
    }

    String text(String key, String fallback) {
        return optional(key).orElse(fallback);
    }

    String requiredText(String key) {
        return optional(key).filter(value -> !value.isBlank()).orElseThrow(() -> invalid(key,
                "is required; set it in the configuration file or as " + environmentName(key)));
    }

    int integer(String key, int fallback, int min, int max) {
        Optional<String> value = optional(key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.get().strip());
            if (parsed < min || parsed > max) {
                throw invalid(key, "must be between " + min + " and " + max + ", was " + parsed);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw invalid(key, "must be a whole number, was '" + value.get() + "'");
        }
    }

    double decimal(String key, double fallback, double min, double max) {
        Optional<String> value = optional(key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            double parsed = Double.parseDouble(value.get().strip());
            if (!(parsed >= min && parsed <= max)) {
                throw invalid(key, "must be between " + min + " and " + max + ", was " + parsed);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw invalid(key, "must be a number, was '" + value.get() + "'");
        }
    }

    /** A list from YAML, or from a comma-separated environment variable. */
    List<String> list(String key) {
        String fromEnvironment = environment.get(environmentName(key));
        if (fromEnvironment != null) {
            return List.of(fromEnvironment.split("\\s*,\\s*")).stream().filter(s -> !s.isBlank()).toList();
        }
        return config.get(key).asList(String.class).orElse(List.of());
    }

    private static CouncilbotException invalid(String key, String problem) {
        return new CouncilbotException("invalid_configuration", "Setting " + key + " " + problem + ".");
    }
}
