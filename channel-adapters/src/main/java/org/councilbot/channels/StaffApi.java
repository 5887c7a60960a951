package org.councilbot.channels;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.councilbot.core.ServiceRequest;
import org.councilbot.handoff.CouncilInboxServiceDesk;
import org.councilbot.handoff.DeadLetter;
import org.councilbot.handoff.HandoffQueue;
import org.councilbot.handoff.InboxEntry;
import org.councilbot.handoff.InboxPage;
import org.councilbot.handoff.WaitingConversation;

/**
 * The staff API: conversations waiting for a person, the built-in inbox of service requests and
 * the requests that could not be delivered. Every call needs the staff API token as a bearer token.
 */
final class StaffApi implements HttpService {
    private final Optional<ServiceRequests> requests;
    private final HandoffQueue handoffs;
    private final String token;
    private final ObjectMapper mapper;

    StaffApi(Optional<ServiceRequests> requests, HandoffQueue handoffs, String token, ObjectMapper mapper) {
        this.requests = requests;
        this.handoffs = handoffs;
        this.token = token;
        this.mapper = mapper;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/staff/handoffs", this::listHandoffs)
                .get("/staff/requests", this::listInbox)
                .get("/staff/requests/{reference}", this::showRequest)
                .get("/staff/dead-letters", this::listDeadLetters)
                .post("/staff/dead-letters/{reference}/retry", this::retry);
    }

    /** Conversations waiting for a person: safeguarding first, then the longest waiting. */
    private void listHandoffs(ServerRequest request, ServerResponse response) {
        authorise(request);
        int limit = number(request, "limit", 50, 1, 500);
        ArrayNode waiting = mapper.createArrayNode();
        for (WaitingConversation conversation : handoffs.waiting(limit)) {
            waiting.addObject().put("conversation_id", conversation.conversationId())
                    .put("channel", conversation.channel())
                    .put("priority", conversation.priority().name().toLowerCase(java.util.Locale.ROOT))
                    .put("requested_at", conversation.requestedAt().toString())
                    .put("last_active_at", conversation.lastActiveAt().toString())
                    .put("reason", conversation.reason());
        }
        HttpJson.send(response, mapper, mapper.createObjectNode().set("waiting", waiting));
    }

    private void listInbox(ServerRequest request, ServerResponse response) {
        authorise(request);
        CouncilInboxServiceDesk inbox = inbox();
        int page = number(request, "page", 0, 0, 1_000_000);
        int size = number(request, "size", 20, 1, 100);
        InboxPage found = inbox.list(page, size);
        ObjectNode json = mapper.createObjectNode();
        json.put("page", found.page()).put("size", found.size()).put("total", found.total())
                .put("has_next", found.hasNext());
        ArrayNode entries = json.putArray("requests");
        found.entries().forEach(entry -> entries.add(entry(entry)));
        HttpJson.send(response, mapper, json);
    }

    private void showRequest(ServerRequest request, ServerResponse response) {
        authorise(request);
        String reference = request.path().pathParameters().get("reference");
        InboxEntry entry = inbox().find(reference).orElseThrow(() -> new ApiException(404, "unknown_request",
                "No request with the council reference " + reference + " is in the inbox."));
        HttpJson.send(response, mapper, entry(entry));
    }

    private void listDeadLetters(ServerRequest request, ServerResponse response) {
        authorise(request);
        ArrayNode letters = mapper.createArrayNode();
        for (DeadLetter letter : service().intake().deadLetters()) {
            ObjectNode json = letters.addObject();
            json.set("request", request(letter.request()));
            json.put("attempts", letter.attempts()).put("last_error", letter.lastError())
                    .put("accepted_at", letter.acceptedAt().toString())
                    .put("dead_lettered_at", letter.deadLetteredAt().toString());
        }
        HttpJson.send(response, mapper, mapper.createObjectNode().set("dead_letters", letters));
    }

    private void retry(ServerRequest request, ServerResponse response) {
        authorise(request);
        String reference = request.path().pathParameters().get("reference");
        if (!service().intake().retry(reference)) {
            throw new ApiException(404, "unknown_dead_letter", "No undelivered request has the reference " + reference + ".");
        }
        response.status(Status.ACCEPTED_202);
        HttpJson.send(response, mapper, mapper.createObjectNode().put("reference", reference).put("state", "pending"));
    }

    private ObjectNode entry(InboxEntry entry) {
        ObjectNode json = mapper.createObjectNode();
        json.put("council_reference", entry.councilReference()).put("status", entry.status())
                .put("status_notes", entry.statusNotes()).put("received_at", entry.receivedAt().toString())
                .put("updated_at", entry.updatedAt().toString());
        json.set("request", request(entry.request()));
        return json;
    }

    private ObjectNode request(ServiceRequest request) {
        ObjectNode json = mapper.createObjectNode();
        json.put("reference", request.reference()).put("service_code", request.serviceCode())
                .put("description", request.description()).put("confirmed_at", request.confirmedAt().toString());
        ObjectNode answers = json.putObject("answers");
        for (Map.Entry<String, List<String>> answer : request.answers().entrySet()) {
            ArrayNode values = answers.putArray(answer.getKey());
            answer.getValue().forEach(values::add);
        }
        ObjectNode location = json.putObject("location").put("description", request.location().description())
                .put("postcode", request.location().postcode()).put("uprn", request.location().uprn());
        request.location().point().ifPresentOrElse(
                point -> location.putObject("point").put("lat", point.latitude()).put("long", point.longitude()),
                () -> location.putNull("point"));
        json.putObject("contact").put("email", request.contact().email()).put("phone", request.contact().phone())
                .put("consent", request.contact().consentToContact());
        return json;
    }

    private void authorise(ServerRequest request) {
        if (token.isEmpty()) {
            throw new ApiException(403, "staff_api_disabled",
                    "The staff API is off; set COUNCILBOT_STAFF_API_TOKEN to turn it on.");
        }
        String presented = request.headers().contains(HeaderNames.AUTHORIZATION)
                ? request.headers().get(HeaderNames.AUTHORIZATION).get().strip() : "";
        if (!presented.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ApiException(401, "missing_token", "Send the staff API token as Authorization: Bearer <token>.");
        }
        byte[] given = presented.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, token.getBytes(StandardCharsets.UTF_8))) {
            throw new ApiException(403, "wrong_token", "That is not the staff API token.");
        }
    }

    private ServiceRequests service() {
        return requests.orElseThrow(() -> new ApiException(404, "service_requests_off",
                "This council's bot takes no service requests; set councilbot.catalogue.dir or councilbot.open311.base-url."));
    }

    private CouncilInboxServiceDesk inbox() {
        return service().inbox().orElseThrow(() -> new ApiException(404, "no_inbox",
                "Requests go to the council's Open311 server, not the built-in inbox."));
    }

    private static int number(ServerRequest request, String name, int fallback, int min, int max) {
        Optional<String> value = request.query().first(name).asOptional();
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.get());
            if (parsed < min || parsed > max) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new ApiException(400, "invalid_" + name, name + " must be a whole number from " + min + " to " + max + ".");
        }
    }
}
