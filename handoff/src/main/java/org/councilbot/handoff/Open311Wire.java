package org.councilbot.handoff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads Open311 bodies, JSON or XML, into one tree shape (see {@link XmlTree}). */
final class Open311Wire {
    private static final JsonMapper JSON = JsonMapper.builder()
            // Parser messages must not quote the body: it can hold a resident's details.
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();
    private static final int MAX_ERROR_CHARS = 500;

    private Open311Wire() {
    }

    static JsonNode parse(String body, boolean xml) throws WireFormatException {
        if (body.isBlank()) {
            throw new WireFormatException("is empty");
        }
        return xml ? XmlTree.parse(body) : json(body);
    }

    static JsonNode json(String body) throws WireFormatException {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new WireFormatException("is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new WireFormatException("is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")");
        }
    }

    /** A list as the spec sends it; a lone object (some servers drop the array) as a list of one. */
    static List<JsonNode> list(JsonNode node) {
        List<JsonNode> items = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(items::add);
        } else if (node.isObject()) {
            items.add(node);
        }
        return items;
    }

    /** A field's text when it is a string, number or boolean and not blank. */
    static Optional<String> text(JsonNode object, String field) {
        JsonNode value = object.path(field);
        if (!value.isValueNode() || value.isNull()) {
            return Optional.empty();
        }
        String text = Texts.clean(value.asText());
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    /**
     * The descriptions of the spec's error list ({@code [{"code":403,"description":"..."}]} or
     * {@code <errors><error>...}), tried in the configured format then the other.
     */
    static Optional<String> errors(String body, boolean xml) {
        for (boolean asXml : new boolean[] {xml, !xml}) {
            try {
                JsonNode node = parse(body, asXml);
                List<String> descriptions = new ArrayList<>();
                for (JsonNode error : list(node)) {
                    Optional<String> description = text(error, "description");
                    Optional<String> code = text(error, "code");
                    description.ifPresent(d -> descriptions.add(code.map(c -> d + " (" + c + ")").orElse(d)));
                }
                if (!descriptions.isEmpty()) {
                    return Optional.of(Texts.truncate(String.join("; ", descriptions), MAX_ERROR_CHARS));
                }
            } catch (WireFormatException e) {
                // Not this format; try the other.
            }
        }
        return Optional.empty();
    }
}
