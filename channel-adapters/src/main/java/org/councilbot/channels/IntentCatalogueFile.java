package org.councilbot.channels;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.councilbot.core.Action;
import org.councilbot.core.CouncilbotException;
import org.councilbot.core.IntentDefinition;

/**
 * Reads intents from YAML: the built-in defaults, plus a council's own file whose intents are added
 * or replace defaults of the same name. Any mistake fails at start with the file and intent named.
 */
public final class IntentCatalogueFile {
    static final String DEFAULTS = "default-intents.yaml";
    static final String PRE_ELECTION = "pre-election-period";
    private static final Set<String> KEYS = Set.of("name", "action", "label", "examples", "service", "reply",
            "overrides-pages", "only-when");

    private IntentCatalogueFile() {
    }

    /** The built-in intents. */
    public static List<IntentDefinition> defaults(boolean preElectionPeriod) {
        try (InputStream in = IntentCatalogueFile.class.getResourceAsStream("/" + DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULTS + " is missing from the build");
            }
            return read(new ObjectMapper(new YAMLFactory()).readTree(in), DEFAULTS, preElectionPeriod);
        } catch (IOException e) {
            throw new IllegalStateException(DEFAULTS + " is unreadable", e);
        }
    }

    /** The built-in intents with a council's own file applied over them. */
    public static List<IntentDefinition> withCouncilFile(Path file, boolean preElectionPeriod) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
        } catch (IOException e) {
            throw new CouncilbotException("invalid_intents", "Cannot read the intents file " + file + ": "
                    + e.getMessage());
        }
        Map<String, IntentDefinition> merged = new LinkedHashMap<>();
        defaults(preElectionPeriod).forEach(intent -> merged.put(intent.name(), intent));
        read(root, file.toString(), preElectionPeriod).forEach(intent -> merged.put(intent.name(), intent));
        return List.copyOf(merged.values());
    }

    private static List<IntentDefinition> read(JsonNode root, String source, boolean preElectionPeriod) {
        JsonNode list = root == null ? null : root.get("intents");
        if (list == null || !list.isArray()) {
            throw invalid(source, "it must have a list under 'intents:'");
        }
        List<IntentDefinition> intents = new ArrayList<>();
        Set<String> names = new java.util.HashSet<>();
        int position = 0;
        for (JsonNode node : list) {
            position++;
            String where = "intent " + position + (node.hasNonNull("name") ? " (" + node.get("name").asText() + ")" : "");
            if (!node.isObject()) {
                throw invalid(source, where + " must be a mapping of name, action, label, examples...");
            }
            for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                if (!KEYS.contains(key)) {
                    throw invalid(source, where + " has an unknown key '" + key + "'; allowed: " + KEYS);
                }
            }
            String onlyWhen = text(node, "only-when");
            if (!onlyWhen.isEmpty() && !onlyWhen.equals(PRE_ELECTION)) {
                throw invalid(source, where + " has only-when '" + onlyWhen + "'; the only value is " + PRE_ELECTION);
            }
            if (onlyWhen.equals(PRE_ELECTION) && !preElectionPeriod) {
                continue;
            }
            JsonNode examples = node.get("examples");
            if (examples == null || !examples.isArray() || examples.isEmpty()) {
                throw invalid(source, where + " needs a non-empty list of examples");
            }
            List<String> exampleTexts = new ArrayList<>();
            examples.forEach(example -> exampleTexts.add(example.asText()));
            try {
                String name = text(node, "name");
                IntentDefinition intent = new IntentDefinition(name, Action.fromWireName(text(node, "action")),
                        text(node, "label").isEmpty() ? name : text(node, "label"), exampleTexts,
                        text(node, "service"), text(node, "reply"), node.path("overrides-pages").asBoolean(false));
                if (!names.add(intent.name())) {
                    throw invalid(source, where + " repeats the name " + intent.name());
                }
                intents.add(intent);
            } catch (CouncilbotException e) {
                if (e.code().equals("invalid_intents")) {
                    throw e;
                }
                throw invalid(source, where + ": " + e.getMessage());
            }
        }
        return intents;
    }

    private static String text(JsonNode node, String key) {
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? "" : value.asText().strip();
    }

    private static CouncilbotException invalid(String source, String problem) {
        return new CouncilbotException("invalid_intents", "Intents file " + source + ": " + problem + ".");
    }
}
