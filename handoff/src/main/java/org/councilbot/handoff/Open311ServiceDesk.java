package org.councilbot.handoff;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.councilbot.core.AttributeDatatype;
import org.councilbot.core.CouncilbotException;
import org.councilbot.core.RequestStatus;
import org.councilbot.core.ServiceAttribute;
import org.councilbot.core.ServiceCatalogue;
import org.councilbot.core.ServiceDesk;
import org.councilbot.core.ServiceRequest;

/**
 * A council's Open311 GeoReport v2 server as the {@link ServiceDesk}: POST requests, GET
 * requests/{id}, and GET tokens/{token} for servers that give the reference later.
 *
 * <p>The answer format (JSON or XML) is {@code open311.format}. A 2xx whose body is empty or
 * unreadable is reported as unavailable, so the outbox tries again: the request may then reach a
 * server that stored the first one twice, unless it honours the {@code Idempotency-Key} header
 * sent with every POST.
 */
public final class Open311ServiceDesk implements ServiceDesk, DeferredReferenceDesk {
    private static final System.Logger LOG = System.getLogger(Open311ServiceDesk.class.getName());
    private static final int MAX_REFERENCE_CHARS = 255;
    // Some servers leave out the colon of the offset: 2010-04-14T06:37:38-0800.
    private static final DateTimeFormatter COMPACT_OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS]XX");

    private final Open311Client client;
    private final ServiceCatalogue catalogue;

    private Open311ServiceDesk(Open311Client client, ServiceCatalogue catalogue) {
        this.client = client;
        this.catalogue = catalogue;
    }

    /**
     * @param catalogue the catalogue the forms come from; it says which attributes are multivaluelists
     */
    public static Open311ServiceDesk create(Open311Settings settings, ServiceCatalogue catalogue) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(catalogue, "catalogue");
        return new Open311ServiceDesk(new Open311Client(settings), catalogue);
    }

    @Override
    public String submit(ServiceRequest request) {
        Objects.requireNonNull(request, "request");
        String operation = "submit request " + request.reference();
        JsonNode body = client.post("requests", Open311Form.of(request, client.settings(), multiValueCodes(request)),
                request.reference(), operation);
        List<JsonNode> items = Open311Wire.list(body);
        if (items.isEmpty()) {
            throw client.malformed(operation, "accepted it but answered with no service request in the body");
        }
        JsonNode first = items.getFirst();
        Optional<String> id = Open311Wire.text(first, "service_request_id");
        if (id.isPresent()) {
            return reference(id.get(), operation);
        }
        Optional<String> token = Open311Wire.text(first, "token");
        if (token.isPresent()) {
            throw new ReferenceToFollowException(reference(token.get(), operation));
        }
        throw client.malformed(operation, "answered without a service_request_id or token");
    }

    @Override
    public Optional<RequestStatus> status(String councilReference) {
        Objects.requireNonNull(councilReference, "councilReference");
        String operation = "read the status of request " + councilReference;
        if (councilReference.isBlank()) {
            return Optional.empty();
        }
        Optional<JsonNode> body = client.get("requests/" + Open311Client.segment(councilReference), operation);
        if (body.isEmpty()) {
            return Optional.empty();
        }
        List<JsonNode> items = Open311Wire.list(body.get());
        if (items.isEmpty()) {
            return Optional.empty();
        }
        JsonNode item = items.getFirst();
        String status = Open311Wire.text(item, "status")
                .orElseThrow(() -> client.malformed(operation, "answered without a status"));
        Instant requested = Open311Wire.text(item, "requested_datetime").flatMap(Open311ServiceDesk::instant)
                .orElseThrow(() -> client.malformed(operation, "answered without a valid requested_datetime"));
        return Optional.of(new RequestStatus(
                Open311Wire.text(item, "service_request_id").orElse(councilReference),
                Open311Wire.text(item, "service_code").orElse(""),
                status,
                Open311Wire.text(item, "status_notes").map(notes -> Texts.truncate(notes, 2000)).orElse(""),
                requested,
                Open311Wire.text(item, "updated_datetime").flatMap(Open311ServiceDesk::instant)));
    }

    @Override
    public Optional<String> resolveReference(String receiptToken) {
        String operation = "look up the request of token " + receiptToken;
        Optional<JsonNode> body = client.get("tokens/" + Open311Client.segment(receiptToken), operation);
        return body.stream()
                .flatMap(node -> Open311Wire.list(node).stream())
                .flatMap(item -> Open311Wire.text(item, "service_request_id").stream())
                .map(id -> reference(id, operation))
                .findFirst();
    }

    @Override
    public String toString() {
        return "Open311ServiceDesk[" + client.settings().baseUrl() + "]";
    }

    private Set<String> multiValueCodes(ServiceRequest request) {
        try {
            return catalogue.service(request.serviceCode()).stream()
                    .flatMap(service -> service.attributes().stream())
                    .filter(attribute -> attribute.datatype() == AttributeDatatype.MULTIVALUELIST)
                    .map(ServiceAttribute::code)
                    .collect(Collectors.toUnmodifiableSet());
        } catch (CouncilbotException e) {
            // Answers with several values are still sent as a list; only a single-value answer
            // to a multivaluelist loses its "[]".
            LOG.log(System.Logger.Level.WARNING, "Catalogue unavailable while sending request "
                    + request.reference() + "; multivaluelist answers with one value are sent as plain values: "
                    + e.getMessage());
            return Set.of();
        }
    }

    private String reference(String value, String operation) {
        if (value.length() > MAX_REFERENCE_CHARS || value.chars().anyMatch(Character::isWhitespace)) {
            throw client.malformed(operation, "answered with an implausible reference " + Texts.quote(value));
        }
        return value;
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(OffsetDateTime.parse(text, COMPACT_OFFSET).toInstant());
            } catch (DateTimeParseException again) {
                return Optional.empty();
            }
        }
    }
}
