package org.councilbot.channels;

import io.helidon.config.Config;
import java.util.LinkedHashMap;
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

    /** A duration like {@code 30s}, {@code 5m}, {@code 2h}, {@code 500ms} or ISO-8601 {@code PT30S}. */
    java.time.Duration duration(String key, java.time.Duration fallback) {
        Optional<String> value = optional(key).map(String::strip).filter(v -> !v.isEmpty());
        if (value.isEmpty()) {
            return fallback;
        }
        java.util.regex.Matcher simple = java.util.regex.Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)").matcher(value.get());
        if (simple.matches()) {
            long amount = Long.parseLong(simple.group(1));
            return switch (simple.group(2)) {
                case "ms" -> java.time.Duration.ofMillis(amount);
                case "s" -> java.time.Duration.ofSeconds(amount);
                case "m" -> java.time.Duration.ofMinutes(amount);
                case "h" -> java.time.Duration.ofHours(amount);
                default -> java.time.Duration.ofDays(amount);
            };
        }
        try {
            return java.time.Duration.parse(value.get());
        } catch (java.time.format.DateTimeParseException e) {
            throw invalid(key, "must be a duration like 30s, 5m or 2h, was '" + value.get() + "'");
        }
    }

    boolean flag(String key, boolean fallback) {
        Optional<String> value = optional(key).map(String::strip);
        if (value.isEmpty() || value.get().isEmpty()) {
            return fallback;
        }
        return switch (value.get().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw invalid(key, "must be true or false, was '" + value.get() + "'");
        };
    }

    /** A path; a relative one is taken from {@code base} (the configuration file's folder). */
    Optional<java.nio.file.Path> path(String key, java.nio.file.Path base) {
        return optional(key).map(String::strip).filter(v -> !v.isEmpty())
                .map(v -> base.resolve(v).toAbsolutePath().normalize());
    }

    /** A list from YAML, or from a comma-separated environment variable. */
    List<String> list(String key) {
        String fromEnvironment = environment.get(environmentName(key));
        if (fromEnvironment != null) {
            return List.of(fromEnvironment.split("\\s*,\\s*")).stream().filter(s -> !s.isBlank()).toList();
        }
        return config.get(key).asList(String.class).orElse(List.of());
    }

    /** The entries of a YAML map (e.g. HTTP headers), each value overridable by its own variable. */
    Map<String, String> map(String key) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (Config node : config.get(key).asNodeList().orElse(List.of())) {
            if (!node.isLeaf()) {
                throw invalid(key + "." + node.name(), "must be a single value");
            }
            entries.put(node.name(), optional(key + "." + node.name()).orElse(""));
        }
        return entries;
    }

    /** A required setting whose need depends on another, e.g. a file when the type is file. */
    static CouncilbotException missing(String key, String because) {
        return invalid(key, "is required " + because + "; set it in the configuration file or as " + environmentName(key));
    }

    static CouncilbotException invalid(String key, String problem) {
        return new CouncilbotException("invalid_configuration", "Setting " + key + " " + problem + ".");
    }
}
