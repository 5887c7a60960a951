package org.councilbot.evals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Loads a suite folder (suite.yaml, corpus/, optional open311/, cases.jsonl) and validates it. */
final class SuiteLoader {
    private static final Set<String> SUITE_KEYS = new LinkedHashSet<>(List.of(
            "name", "council", "office_hours", "notes", "contact_phone", "website", "out_of_hours_phone"));
    // The name becomes a folder under data/eval, so it must not climb out of it.
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final YAMLMapper yaml = new YAMLMapper();

    Suite load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new SuiteException("suite folder " + dir + " does not exist or is not a folder");
        }
        Path suiteFile = dir.resolve("suite.yaml");
        JsonNode info = readSuiteYaml(suiteFile);
        String name = requiredText(suiteFile, info, "name");
        if (!SAFE_NAME.matcher(name).matches()) {
            throw new SuiteException(suiteFile + ": 'name' must be letters, digits, '.', '_' or '-', was '" + name + "'");
        }
        String council = requiredText(suiteFile, info, "council");
        Path corpus = dir.resolve("corpus");
        if (!Files.isDirectory(corpus)) {
            throw new SuiteException("suite " + dir + " has no corpus/ folder with the council's pages");
        }
        Path open311 = dir.resolve("open311");
        Path casesFile = dir.resolve("cases.jsonl");
        if (!Files.isRegularFile(casesFile)) {
            throw new SuiteException("suite " + dir + " has no cases.jsonl");
        }
        CasesReader reader = new CasesReader(CorpusCatalogue.scan(corpus));
        List<SuiteCase> cases = reader.read(casesFile);
        return new Suite(name, council, optionalText(suiteFile, info, "office_hours"),
                optionalText(suiteFile, info, "notes"), optionalText(suiteFile, info, "contact_phone"),
                optionalText(suiteFile, info, "website"), optionalText(suiteFile, info, "out_of_hours_phone"),
                dir, corpus, Files.isDirectory(open311) ? Optional.of(open311) : Optional.empty(), cases,
                new ArrayList<>(reader.warnings()));
    }

    private JsonNode readSuiteYaml(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new SuiteException("suite has no " + file);
        }
        JsonNode node;
        try {
            node = yaml.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new SuiteException(file + " is not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new SuiteException("cannot read " + file + ": " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw new SuiteException(file + " must be a set of 'key: value' lines with at least name and council");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (!SUITE_KEYS.contains(key)) {
                throw new SuiteException(file + ": unknown key '" + key + "'; allowed: " + String.join(", ", SUITE_KEYS));
            }
        }
        return node;
    }

    private static String requiredText(Path file, JsonNode node, String key) {
        return optionalText(file, node, key)
                .orElseThrow(() -> new SuiteException(file + ": missing '" + key + "'"));
    }

    private static Optional<String> optionalText(Path file, JsonNode node, String key) {
        JsonNode value = node.path(key);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isValueNode()) {
            throw new SuiteException(file + ": '" + key + "' must be text");
        }
        return value.asText().isBlank() ? Optional.empty() : Optional.of(value.asText().strip());
    }
}
