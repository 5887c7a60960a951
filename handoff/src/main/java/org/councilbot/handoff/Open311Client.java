package org.councilbot.handoff;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.councilbot.core.ServiceDeskUnavailableException;
import org.councilbot.core.ServiceRequestRejectedException;

/**
 * The HTTP side of Open311 GeoReport v2: builds the URLs, sends, and turns failures into the
 * port's two exceptions.
 *
 * <p>Timeouts, refused connections, 429, 5xx and unreadable bodies are worth retrying
 * ({@link ServiceDeskUnavailableException}); 400, 403 and 404 with the spec's error list are the
 * council saying no ({@link ServiceRequestRejectedException}, with its description). Any other
 * 4xx without that list usually means a wrong {@code open311.base-url}, which an operator can
 * fix, so it is retried rather than thrown away. Messages name the server but never the API key.
 */
final class Open311Client {
    static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    private final Open311Settings settings;
    private final BoundedHttp http;

    Open311Client(Open311Settings settings) {
        this.settings = settings;
        this.http = new BoundedHttp(settings.timeout(), MAX_BODY_BYTES);
    }

    Open311Settings settings() {
        return settings;
    }

    /** GET {@code resource.format}; the body of a 2xx, or empty for a 404. */
    Optional<JsonNode> get(String resource, String operation) {
        String query = settings.jurisdictionId().isEmpty() ? "" : "?jurisdiction_id=" + encode(settings.jurisdictionId());
        HttpRequest request = http.request(url(resource) + query)
                .header("Accept", accept())
                .GET()
                .build();
        BoundedHttp.Reply reply = send(request, operation);
        if (reply.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(body(reply, operation));
    }

    /**
     * POST {@code resource.format} form-encoded; the body of a 2xx. The idempotency key goes in
     * an {@code Idempotency-Key} header: the spec has no such field, servers that know the header
     * can drop a retried duplicate and the rest ignore it.
     */
    JsonNode post(String resource, List<Map.Entry<String, String>> form, String idempotencyKey, String operation) {
        String body = form.stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = http.request(url(resource))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("Accept", accept())
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        BoundedHttp.Reply reply = send(request, operation);
        if (reply.status() == 404) {
            throw clientError(reply, operation);
        }
        return body(reply, operation);
    }

    /** A path segment made safe, e.g. a service code or request id. */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private BoundedHttp.Reply send(HttpRequest request, String operation) {
        BoundedHttp.Reply reply;
        try {
            reply = http.send(request);
        } catch (BoundedHttp.Failure e) {
            throw unavailable(operation, e.getMessage());
        }
        int status = reply.status();
        if (status == 429) {
            throw unavailable(operation, "asked us to slow down (HTTP 429)");
        }
        if (status >= 500) {
            String councilSays = Open311Wire.errors(reply.body(), settings.xml()).map(d -> ": " + d).orElse("");
            throw unavailable(operation, "answered HTTP " + status + councilSays);
        }
        if (status >= 400 && status != 404) {
            throw clientError(reply, operation);
        }
        if (status != 404 && !reply.isSuccess()) {
            throw unavailable(operation, "answered HTTP " + status + ", which Open311 does not use here");
        }
        return reply;
    }

    private RuntimeException clientError(BoundedHttp.Reply reply, String operation) {
        Optional<String> errors = Open311Wire.errors(reply.body(), settings.xml());
        if (errors.isPresent() && (reply.status() == 400 || reply.status() == 403 || reply.status() == 404)) {
            return new ServiceRequestRejectedException("The council's Open311 server refused to " + operation
                    + " (HTTP " + reply.status() + "): " + errors.get());
        }
        return unavailable(operation, "answered HTTP " + reply.status()
                + " without an Open311 error list; check open311.base-url and open311.api-key");
    }

    private JsonNode body(BoundedHttp.Reply reply, String operation) {
        try {
            return Open311Wire.parse(reply.body(), settings.xml());
        } catch (WireFormatException e) {
            throw malformed(operation, "answered HTTP " + reply.status() + " but the body " + e.getMessage()
                    + " (open311.format is " + settings.format() + ")");
        }
    }

    ServiceDeskUnavailableException malformed(String operation, String what) {
        return unavailable(operation, what);
    }

    private ServiceDeskUnavailableException unavailable(String operation, String what) {
        return new ServiceDeskUnavailableException("Could not " + operation + ": the council's Open311 server at "
                + settings.baseUrl() + " " + what + ". It is safe to try again.");
    }

    private String url(String resource) {
        return settings.baseUrl() + resource + "." + settings.format();
    }

    private String accept() {
        return settings.xml() ? "text/xml, application/xml" : "application/json";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
