package org.councilbot.handoff;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.councilbot.core.GeoPoint;
import org.councilbot.core.RequestLocation;
import org.councilbot.core.ResidentContact;
import org.councilbot.core.ServiceRequest;

/**
 * The stored JSON form of a {@link ServiceRequest} (outbox and inbox payloads), snake_case keys.
 *
 * <p>Spelled out in records of its own, like {@link ReplyJson}, so a rename in bot-core cannot
 * silently change rows already stored; unknown keys are ignored for rolling upgrades.
 */
final class RequestJson {
    private final JsonMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION) // messages must not quote a resident's details
            .build();

    String write(ServiceRequest request) {
        try {
            return mapper.writeValueAsString(StoredRequest.of(request));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A service request could not be written as JSON", e);
        }
    }

    /** Reads a stored request; throws {@link JsonProcessingException} or a runtime exception if it is not one. */
    ServiceRequest read(String json) throws JsonProcessingException {
        return mapper.readValue(json, StoredRequest.class).toRequest();
    }

    private record StoredRequest(int version, String reference, @JsonProperty("service_code") String serviceCode,
                                 Map<String, List<String>> answers, StoredLocation location, String description,
                                 StoredContact contact, @JsonProperty("conversation_id") String conversationId,
                                 @JsonProperty("confirmed_at") String confirmedAt) {
        static StoredRequest of(ServiceRequest request) {
            RequestLocation location = request.location();
            ResidentContact contact = request.contact();
            return new StoredRequest(1, request.reference(), request.serviceCode(), request.answers(),
                    new StoredLocation(location.description(), location.postcode(), location.uprn(),
                            location.point().map(StoredPoint::of).orElse(null)),
                    request.description(),
                    new StoredContact(contact.name(), contact.email(), contact.phone(), contact.consentToContact()),
                    request.conversationId(), request.confirmedAt().toString());
        }

        ServiceRequest toRequest() {
            return new ServiceRequest(reference, serviceCode, answers,
                    location.toLocation(),
                    description, new ResidentContact(contact.name(), contact.email(), contact.phone(), contact.consent()),
                    conversationId, Instant.parse(confirmedAt));
        }
    }

    /** {@code point} is absent from requests stored before points were kept, and when none was picked. */
    private record StoredLocation(String description, String postcode, String uprn,
                                  @JsonInclude(JsonInclude.Include.NON_NULL) StoredPoint point) {
        RequestLocation toLocation() {
            return new RequestLocation(description, postcode, uprn,
                    Optional.ofNullable(point).map(p -> new GeoPoint(p.lat(), p.lon())));
        }
    }

    private record StoredPoint(double lat, @JsonProperty("long") double lon) {
        static StoredPoint of(GeoPoint point) {
            return new StoredPoint(point.latitude(), point.longitude());
        }
    }

    private record StoredContact(String name, String email, String phone, boolean consent) {
    }
}
