package org.councilbot.handoff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads mapped fields out of a lookup API's JSON by JSON pointer. */
final class LookupJson {
    private LookupJson() {
    }

    /**
     * The array at {@code pointer}; empty when the body has nothing there (no results).
     *
     * @throws WireFormatException when something other than an array is there
     */
    static List<JsonNode> results(JsonNode body, String pointer) throws WireFormatException {
        JsonNode node = body.at(pointer);
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new WireFormatException("has " + kind(node) + " at " + (pointer.isEmpty() ? "its top" : pointer)
                    + " where the results array should be");
        }
        List<JsonNode> items = new ArrayList<>();
        node.forEach(items::add);
        return items;
    }

    /** The text of a string, number or boolean at {@code pointer}, cleaned; empty when absent or blank. */
    static Optional<String> text(JsonNode item, String pointer) {
        if (pointer.isEmpty()) {
            return Optional.empty();
        }
        JsonNode value = item.at(pointer);
        if (!value.isValueNode() || value.isNull()) {
            return Optional.empty();
        }
        String text = Texts.clean(value.asText()).replaceAll("\\s+", " ");
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    /** A number, or a string holding one, at {@code pointer}. */
    static Optional<Double> number(JsonNode item, String pointer) {
        if (pointer.isEmpty()) {
            return Optional.empty();
        }
        JsonNode value = item.at(pointer);
        if (value.isNumber()) {
            return Optional.of(value.doubleValue());
        }
        if (value.isTextual()) {
            try {
                double parsed = Double.parseDouble(value.asText().strip());
                return Double.isFinite(parsed) ? Optional.of(parsed) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            default -> "something else";
        };
    }
}
