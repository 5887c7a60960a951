package org.councilbot.core;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A service residents can request from the council, with the questions it asks.
 *
 * @param code        the council's service code, e.g. {@code missed-bin}
 * @param name        e.g. "Missed bin collection"
 * @param description what the service is for
 * @param group       the catalogue's grouping, may be empty
 * @param keywords    words residents might use for it
 * @param attributes  questions, sorted by their order
 */
public record ServiceDefinition(String code, String name, String description, String group, List<String> keywords,
                                List<ServiceAttribute> attributes) {
    public ServiceDefinition {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(group, "group");
        keywords = List.copyOf(keywords);
        attributes = attributes.stream().sorted(Comparator.comparingInt(ServiceAttribute::order)).toList();
    }
}
