package org.councilbot.channels;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/** Reads a JSON request body within a size limit, with a clear 4xx for everything that is wrong. */
final class JsonRequests {
    private final ObjectMapper mapper;
    private final int maxBodyBytes;

    JsonRequests(ObjectMapper mapper, int maxBodyBytes) {
        this.mapper = mapper;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** The body as a JSON object; an empty body reads as an empty object when {@code emptyAllowed}. */
    JsonNode readObject(ServerRequest request, boolean emptyAllowed) {
        Optional<Long> declared = request.headers().contentLength().stream().boxed().findFirst();
        if (declared.isPresent() && declared.get() > maxBodyBytes) {
            throw tooLarge();
        }
        byte[] body = readLimited(request);
        if (body.length == 0) {
            if (emptyAllowed) {
                return mapper.createObjectNode();
            }
            throw new ApiException(Status.BAD_REQUEST_400.code(), "empty_body",
                    "The request body is empty; send a JSON object such as {\"text\":\"...\"}.");
        }
        requireJsonContentType(request);
        JsonNode node;
        try {
            node = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ApiException(Status.BAD_REQUEST_400.code(), "malformed_json",
                    "The request body is not valid JSON (" + e.getOriginalMessage() + ").");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (node == null || !node.isObject()) {
            throw new ApiException(Status.BAD_REQUEST_400.code(), "malformed_json",
                    "The request body must be a JSON object.");
        }
        return node;
    }

    private void requireJsonContentType(ServerRequest request) {
        boolean json = request.headers().contentType()
                .map(HttpMediaType::mediaType)
                .map(type -> type.subtype().equals("json") || type.subtype().endsWith("+json"))
                .orElse(false);
        if (!json) {
            String sent = request.headers().contains(HeaderNames.CONTENT_TYPE)
                    ? request.headers().get(HeaderNames.CONTENT_TYPE).get() : "none";
            throw new ApiException(Status.UNSUPPORTED_MEDIA_TYPE_415.code(), "unsupported_media_type",
                    "Send the body as JSON with the header Content-Type: application/json (got " + sent + ").");
        }
    }

    private byte[] readLimited(ServerRequest request) {
        if (!request.content().hasEntity()) {
            return new byte[0];
        }
        try (InputStream in = request.content().inputStream()) {
            byte[] body = in.readNBytes(maxBodyBytes + 1);
            if (body.length > maxBodyBytes) {
                throw tooLarge();
            }
            return body;
        } catch (IOException e) {
            throw new ApiException(Status.BAD_REQUEST_400.code(), "unreadable_body",
                    "The request body could not be read completely; send it again.");
        }
    }

    private ApiException tooLarge() {
        return new ApiException(Status.REQUEST_ENTITY_TOO_LARGE_413.code(), "body_too_large",
                "The request body is larger than " + maxBodyBytes + " bytes; send a shorter message.");
    }
}
