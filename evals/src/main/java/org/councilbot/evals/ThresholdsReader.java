package org.councilbot.evals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads thresholds.yaml: {@code min:} and {@code max:} maps of dotted results.json paths to numbers.
 * Nested maps are accepted too and read as dotted paths ({@code overall: {action_accuracy: 0.9}}).
 */
final class ThresholdsReader {
    private final YAMLMapper yaml = new YAMLMapper();

    Thresholds read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new SuiteException("thresholds file " + file + " does not exist");
        }
        JsonNode root;
        try {
            root = yaml.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new SuiteException(file + " is not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new SuiteException("cannot read " + file + ": " + e.getMessage());
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return new Thresholds(file.toString(), Map.of(), Map.of());
        }
        if (!root.isObject()) {
            throw new SuiteException(file + " must have 'min:' and/or 'max:' maps of results.json paths to numbers");
        }
        for (Iterator<String> keys = root.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!key.equals("min") && !key.equals("max")) {
                throw new SuiteException(file + ": unknown key '" + key + "'; allowed: min, max");
            }
        }
        return new Thresholds(file.toString(), limits(file, root.path("min"), "min"),
                limits(file, root.path("max"), "max"));
    }

    private static Map<String, Double> limits(Path file, JsonNode node, String bound) {
        Map<String, Double> limits = new LinkedHashMap<>();
        if (node.isMissingNode() || node.isNull()) {
            return limits;
        }
        if (!node.isObject()) {
            throw new SuiteException(file + ": '" + bound + "' must be a map of results.json paths to numbers");
        }
        flatten(file, bound, "", node, limits);
        return limits;
    }

    private static void flatten(Path file, String bound, String prefix, JsonNode node, Map<String, Double> limits) {
        node.properties().forEach(entry -> {
            String path = prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey();
            JsonNode value = entry.getValue();
            if (value.isObject()) {
                flatten(file, bound, path, value, limits);
            } else if (value.isNumber()) {
                limits.put(path, value.asDouble());
            } else {
                throw new SuiteException(file + ": " + bound + " " + path + " must be a number, was " + value);
            }
        });
    }
}
