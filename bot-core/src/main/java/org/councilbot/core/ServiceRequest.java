package org.councilbot.core;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A resident's confirmed request, ready to deliver to the council.
 *
 * @param reference      councilbot's own reference; also the idempotency key of delivery
 * @param serviceCode    the service requested
 * @param answers        attribute code to the answer's values (one for most datatypes)
 * @param location       where the problem is
 * @param description    the resident's own words about it, may be empty
 * @param contact        how to reach the resident
 * @param conversationId the conversation it came from, may be empty
 * @param confirmedAt    when the resident confirmed it
 */
public record ServiceRequest(String reference, String serviceCode, Map<String, List<String>> answers,
                             RequestLocation location, String description, ResidentContact contact,
                             String conversationId, Instant confirmedAt) {
    public ServiceRequest {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(serviceCode, "serviceCode");
        answers = Map.copyOf(answers.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                Map.Entry::getKey, entry -> List.copyOf(entry.getValue()))));
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(confirmedAt, "confirmedAt");
    }
}
