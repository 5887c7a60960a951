package org.councilbot.index.understanding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.councilbot.core.CouncilbotException;
import org.councilbot.core.ServiceType;

/**
 * The report and request types UK councils take, shipped with councilbot
 * ({@code service-types.yaml}), so a new council needs only its catalogue.
 *
 * <p>Types may share a family ({@code missed_collection} for every container): a council with one
 * service for the whole family takes every type in it.
 */
public final class ServiceTaxonomy {
    static final String BUILT_IN = "/org/councilbot/index/understanding/service-types.yaml";

    private final Map<String, ServiceType> types;
    private final Map<String, String> families;

    private ServiceTaxonomy(Map<String, ServiceType> types, Map<String, String> families) {
        this.types = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(types));
        this.families = Map.copyOf(families);
    }

    public static ServiceTaxonomy builtIn() {
        try (InputStream in = ServiceTaxonomy.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new CouncilbotException("missing_taxonomy", "no " + BUILT_IN + " on the classpath");
            }
            return read(in);
        } catch (IOException e) {
            throw new CouncilbotException("invalid_taxonomy", "cannot read " + BUILT_IN + ": " + e.getMessage(), e);
        }
    }

    static ServiceTaxonomy read(InputStream yaml) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        Map<String, ServiceType> types = new LinkedHashMap<>();
        Map<String, String> families = new LinkedHashMap<>();
        for (JsonNode node : root.path("types")) {
            String id = node.path("id").asText("");
            if (id.isBlank() || node.path("name").asText("").isBlank()) {
                throw new CouncilbotException("invalid_taxonomy", "every service type needs an id and a name: " + node);
            }
            Optional<Integer> lgsl = node.hasNonNull("lgsl") && node.get("lgsl").canConvertToInt()
                    ? Optional.of(node.get("lgsl").asInt()) : Optional.empty();
            List<String> terms = new ArrayList<>(strings(node.path("terms")));
            terms.addAll(strings(node.path("attribute-terms")).stream().map(term -> "attribute:" + term).toList());
            ServiceType type = new ServiceType(id, node.path("name").asText(), lgsl,
                    node.path("description").asText(""), terms, strings(node.path("phrasings")));
            if (types.put(id, type) != null) {
                throw new CouncilbotException("invalid_taxonomy", "service type " + id + " is listed twice");
            }
            families.put(id, node.path("family").asText(id));
        }
        return new ServiceTaxonomy(types, families);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> {
            if (!value.asText("").isBlank()) {
                values.add(value.asText().strip());
            }
        });
        return values;
    }

    public List<ServiceType> types() {
        return List.copyOf(types.values());
    }

    public Optional<ServiceType> type(String id) {
        return Optional.ofNullable(types.get(id));
    }

    /** The family of a type: itself unless the taxonomy groups it (the missed-collection family). */
    public String family(String id) {
        return families.getOrDefault(id, id);
    }
}
