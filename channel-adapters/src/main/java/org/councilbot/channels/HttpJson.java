package org.councilbot.channels;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;
import java.io.UncheckedIOException;

/** Writes JSON responses, and the error shape {"error","message"}. */
final class HttpJson {
    private HttpJson() {
    }

    static void send(ServerResponse response, ObjectMapper mapper, JsonNode json) {
        response.header(HeaderNames.CONTENT_TYPE, "application/json; charset=utf-8");
        response.header(HeaderNames.CACHE_CONTROL, "no-store");
        try {
            response.send(mapper.writeValueAsBytes(json));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sendError(ServerResponse response, ObjectMapper mapper, int status, String code, String message) {
        response.status(status);
        send(response, mapper, mapper.createObjectNode().put("error", code).put("message", message));
    }
}
