package org.councilbot.handoff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.councilbot.core.AttributeDatatype;
import org.councilbot.core.AttributeOption;
import org.councilbot.core.CouncilbotException;
import org.councilbot.core.ServiceAttribute;
import org.councilbot.core.ServiceDefinition;

/**
 * Turns an Open311 service list and its definitions (as trees, from JSON or XML) into
 * {@link ServiceDefinition}s, leaving out what cannot be used.
 *
 * <p>A service whose definition is unreadable, names an unknown datatype, has a list attribute
 * without values or breaks a limit is left out whole: asking only some of its questions would
 * send the council an incomplete request. Each such service, and each text cut to its limit, is
 * reported as a problem naming the source and the attribute. Codes and option keys go back to
 * the council, so they are never cut, only refused; texts shown to residents are cut.
 */
final class CatalogueReader {
    static final int MAX_SERVICES = 500;
    static final int MAX_ATTRIBUTES = 100;
    static final int MAX_OPTIONS = 500;
    static final int MAX_KEYWORDS = 50;
    static final int MAX_NAME_CHARS = 200;
    static final int MAX_DESCRIPTION_CHARS = 2000;
    static final int MAX_QUESTION_CHARS = 500;
    static final int MAX_KEYWORD_CHARS = 100;
    static final int MAX_KEY_CHARS = 200;
    // Codes end up in URL paths and file names: no separators, no "..".
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:~-]{0,99}");

    private final List<String> problems = new ArrayList<>();

    /** Where the definitions come from; a failure is a {@link Skip} whose message says why. */
    interface Definitions {
        JsonNode definition(String serviceCode) throws Skip;

        /** Names the source of a service's definition in messages, e.g. {@code services/pothole.json}. */
        String source(String serviceCode);
    }

    /** A service left out; the message says why, without the source (added by the caller). */
    static final class Skip extends Exception {
        Skip(String message) {
            super(message, null, false, false);
        }
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    static boolean isValidCode(String code) {
        return CODE.matcher(code).matches() && !code.contains("..");
    }

    List<ServiceDefinition> read(JsonNode list, String listSource, Definitions definitions) throws Skip {
        if (!list.isArray()) {
            throw new Skip(listSource + " is not a list of services");
        }
        List<ServiceDefinition> services = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        int position = 0;
        for (JsonNode entry : list) {
            position++;
            if (services.size() >= MAX_SERVICES) {
                problem(listSource + " lists more than " + MAX_SERVICES + " services; the rest are left out");
                break;
            }
            try {
                ServiceDefinition service = service(entry, position, listSource, definitions);
                if (!codes.add(service.code())) {
                    throw new Skip("service '" + service.code() + "' is listed twice in " + listSource
                            + "; only the first is used");
                }
                services.add(service);
            } catch (Skip e) {
                problem("Skipped a service: " + e.getMessage());
            }
        }
        return List.copyOf(services);
    }

    private ServiceDefinition service(JsonNode entry, int position, String listSource, Definitions definitions)
            throws Skip {
        String entryWhere = listSource + " entry " + position;
        if (!entry.isObject()) {
            throw new Skip(entryWhere + " is not an object");
        }
        String code = Open311Wire.text(entry, "service_code")
                .orElseThrow(() -> new Skip(entryWhere + " has no service_code"));
        if (!isValidCode(code)) {
            throw new Skip(entryWhere + " has an invalid service_code " + Texts.quote(code)
                    + " (1-100 letters, digits, '_', '.', ':', '~' or '-')");
        }
        String where = listSource + " service '" + code + "'";
        String name = shown(where, "service_name", Open311Wire.text(entry, "service_name")
                .orElseThrow(() -> new Skip(where + " has no service_name")), MAX_NAME_CHARS);
        String description = shown(where, "description", Open311Wire.text(entry, "description").orElse(""),
                MAX_DESCRIPTION_CHARS);
        // Some servers send a "groups" array instead of the spec's single "group".
        String group = shown(where, "group", Open311Wire.text(entry, "group").orElseGet(() -> groups(entry)),
                MAX_NAME_CHARS);
        List<String> keywords = keywords(entry.path("keywords"), where);
        boolean metadata = bool(entry.path("metadata"), false)
                .orElseThrow(() -> new Skip(where + " has a metadata flag that is not true or false"));
        List<ServiceAttribute> attributes = metadata ? attributes(code, definitions) : List.of();
        return new ServiceDefinition(code, name, description, group, keywords, attributes);
    }

    private List<ServiceAttribute> attributes(String code, Definitions definitions) throws Skip {
        String source = definitions.source(code);
        JsonNode definition;
        try {
            definition = definitions.definition(code);
        } catch (Skip e) {
            throw new Skip("service '" + code + "': " + source + " " + e.getMessage());
        }
        if (!definition.isObject()) {
            throw new Skip("service '" + code + "': " + source + " is not a service definition object");
        }
        Optional<String> definedCode = Open311Wire.text(definition, "service_code");
        if (definedCode.isPresent() && !definedCode.get().equals(code)) {
            throw new Skip("service '" + code + "': " + source + " defines service_code "
                    + Texts.quote(definedCode.get()) + " instead");
        }
        JsonNode list = definition.path("attributes");
        if (!list.isArray()) {
            throw new Skip("service '" + code + "': " + source + " has no attributes list");
        }
        if (list.size() > MAX_ATTRIBUTES) {
            throw new Skip("service '" + code + "': " + source + " has " + list.size()
                    + " attributes; at most " + MAX_ATTRIBUTES + " are allowed");
        }
        List<ServiceAttribute> attributes = new ArrayList<>();
        Set<String> attributeCodes = new HashSet<>();
        int position = 0;
        for (JsonNode node : list) {
            position++;
            ServiceAttribute attribute = attribute(node, position, code, source);
            if (!attributeCodes.add(attribute.code())) {
                throw new Skip("service '" + code + "': " + source + " has attribute '" + attribute.code() + "' twice");
            }
            attributes.add(attribute);
        }
        return attributes;
    }

    private ServiceAttribute attribute(JsonNode node, int position, String service, String source) throws Skip {
        String prefix = "service '" + service + "': " + source + " attribute ";
        if (!node.isObject()) {
            throw new Skip(prefix + position + " is not an object");
        }
        String code = Open311Wire.text(node, "code").orElseThrow(() -> new Skip(prefix + position + " has no code"));
        // Servers mark hidden attributes with a leading underscore ("_usrn"); the code is sent back as given.
        if (!isValidCode(code.startsWith("_") ? code.substring(1) : code)) {
            throw new Skip(prefix + position + " has an invalid code " + Texts.quote(code));
        }
        String where = prefix + "'" + code + "'";
        String datatypeName = Open311Wire.text(node, "datatype").orElseThrow(() -> new Skip(where + " has no datatype"));
        AttributeDatatype datatype;
        try {
            datatype = AttributeDatatype.fromWireName(datatypeName);
        } catch (CouncilbotException e) {
            throw new Skip(where + " has unknown datatype " + Texts.quote(datatypeName)
                    + "; expected one of " + Arrays.stream(AttributeDatatype.values())
                    .map(AttributeDatatype::wireName).toList());
        }
        boolean variable = bool(node.path("variable"), true)
                .orElseThrow(() -> new Skip(where + " has a variable flag that is not true or false"));
        boolean required = bool(node.path("required"), false)
                .orElseThrow(() -> new Skip(where + " has a required flag that is not true or false"));
        int order = order(node.path("order"), position).orElseThrow(() -> new Skip(where + " has an order that is not a whole number"));
        String question = shown(where, "description", Open311Wire.text(node, "description")
                .orElseThrow(() -> new Skip(where + " has no description (the question to ask)")), MAX_QUESTION_CHARS);
        String hint = shown(where, "datatype_description", Open311Wire.text(node, "datatype_description").orElse(""),
                MAX_QUESTION_CHARS);
        List<AttributeOption> options = options(node.path("values"), where);
        try {
            return new ServiceAttribute(code, datatype, required, question, hint, order, variable,
                    datatype.isList() ? options : List.of());
        } catch (CouncilbotException e) {
            throw new Skip(where + ": " + e.getMessage());
        }
    }

    private List<AttributeOption> options(JsonNode values, String where) throws Skip {
        if (values.isMissingNode() || values.isNull() || values.isValueNode() && values.asText().isBlank()) {
            return List.of();
        }
        if (!values.isArray()) {
            throw new Skip(where + " has values that are not a list");
        }
        if (values.size() > MAX_OPTIONS) {
            throw new Skip(where + " has " + values.size() + " values; at most " + MAX_OPTIONS + " are allowed");
        }
        List<AttributeOption> options = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (JsonNode value : values) {
            String key = Open311Wire.text(value, "key").orElseThrow(() -> new Skip(where + " has a value without a key"));
            if (key.length() > MAX_KEY_CHARS) {
                throw new Skip(where + " has a value key of " + key.length() + " characters; at most "
                        + MAX_KEY_CHARS + " are allowed");
            }
            if (!keys.add(key)) {
                throw new Skip(where + " has the value key " + Texts.quote(key) + " twice");
            }
            String name = Open311Wire.text(value, "name")
                    .orElseThrow(() -> new Skip(where + " has value " + Texts.quote(key) + " without a name"));
            options.add(new AttributeOption(key, shown(where, "name of value " + Texts.quote(key), name, MAX_NAME_CHARS)));
        }
        return options;
    }

    private List<String> keywords(JsonNode node, String where) {
        List<String> raw = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(k -> raw.add(k.asText()));
        } else if (node.isValueNode() && !node.isNull()) {
            raw.addAll(Arrays.asList(node.asText().split(",")));
        }
        List<String> keywords = new ArrayList<>();
        for (String keyword : raw) {
            String clean = Texts.clean(keyword);
            if (clean.isEmpty()) {
                continue;
            }
            if (keywords.size() == MAX_KEYWORDS) {
                problem(where + " has more than " + MAX_KEYWORDS + " keywords; the rest are left out");
                break;
            }
            keywords.add(shown(where, "keyword", clean, MAX_KEYWORD_CHARS));
        }
        return keywords;
    }

    /** Text shown to residents: cut to its limit, with a problem reported when it was cut. */
    private String shown(String where, String field, String text, int max) {
        if (text.length() > max) {
            problem(where + ": " + field + " is " + text.length() + " characters long; cut to " + max);
            return Texts.truncate(text, max);
        }
        return text;
    }

    private static String groups(JsonNode entry) {
        List<String> groups = new ArrayList<>();
        for (JsonNode group : entry.path("groups")) {
            String text = group.isValueNode() ? Texts.clean(group.asText()) : "";
            if (!text.isEmpty()) {
                groups.add(text);
            }
        }
        return String.join(", ", groups);
    }

    private static Optional<Boolean> bool(JsonNode node, boolean absent) {
        if (node.isMissingNode() || node.isNull() || node.isValueNode() && node.asText().isBlank()) {
            return Optional.of(absent);
        }
        if (node.isBoolean()) {
            return Optional.of(node.booleanValue());
        }
        String text = node.asText().strip().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    /** The spec's order, or the position in the list when a server leaves it out. */
    private static Optional<Integer> order(JsonNode node, int position) {
        if (node.isMissingNode() || node.isNull() || node.isValueNode() && node.asText().isBlank()) {
            return Optional.of(position);
        }
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return Optional.of(node.intValue());
        }
        try {
            return Optional.of(Integer.parseInt(node.asText().strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void problem(String message) {
        problems.add(message);
    }
}
