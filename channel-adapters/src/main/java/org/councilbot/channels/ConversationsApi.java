package org.councilbot.channels;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Optional;
import org.councilbot.core.BotReply;
import org.councilbot.core.ChatEngine;
import org.councilbot.core.Conversation;
import org.councilbot.core.ConversationStore;
import org.councilbot.core.ResidentMessage;

/** The web channel's conversation API, version 1. */
final class ConversationsApi implements HttpService {
    static final String WEB_CHANNEL = "web";

    private final ChatEngine engine;
    private final ConversationStore store;
    private final AccessTokens tokens;
    private final JsonRequests requests;
    private final ReplyJson replies;
    private final ObjectMapper mapper;
    private final ConversationEventStream events;

    ConversationsApi(ChatEngine engine, ConversationStore store, AccessTokens tokens, JsonRequests requests,
                     ReplyJson replies, ObjectMapper mapper, ConversationEventStream events) {
        this.engine = engine;
        this.store = store;
        this.tokens = tokens;
        this.requests = requests;
        this.replies = replies;
        this.mapper = mapper;
        this.events = events;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/conversations", this::startConversation)
                .post("/conversations/{id}/messages", this::postMessage)
                .get("/conversations/{id}/events", this::streamEvents)
                .get("/conversations/{id}", this::showConversation);
    }

    private void startConversation(ServerRequest request, ServerResponse response) {
        JsonNode body = requests.readObject(request, true);
        JsonNode channel = body.path("channel");
        if (!channel.isMissingNode() && !(channel.isTextual() && channel.asText().equals(WEB_CHANNEL))) {
            throw new ApiException(Status.BAD_REQUEST_400.code(), "unsupported_channel",
                    "This endpoint starts web conversations only; send {\"channel\":\"web\"}.");
        }
        String token = tokens.issue();
        Conversation conversation = engine.startConversation(WEB_CHANNEL, AccessTokens.hash(token));
        ObjectNode json = mapper.createObjectNode();
        json.put("id", conversation.id());
        json.put("token", token);
        json.put("messages_url", "/api/v1/conversations/" + conversation.id() + "/messages");
        json.put("events_url", "/api/v1/conversations/" + conversation.id() + "/events");
        response.status(Status.CREATED_201);
        response.header(HeaderNames.LOCATION, "/api/v1/conversations/" + conversation.id());
        HttpJson.send(response, mapper, json);
    }

    private void postMessage(ServerRequest request, ServerResponse response) {
        Conversation conversation = authorised(request);
        JsonNode body = requests.readObject(request, false);
        JsonNode text = body.path("text");
        if (text.isMissingNode() || text.isNull()) {
            throw new ApiException(Status.BAD_REQUEST_400.code(), "missing_text",
                    "Send the resident's message as {\"text\":\"...\"}.");
        }
        if (!text.isTextual()) {
            throw new ApiException(Status.BAD_REQUEST_400.code(), "invalid_text",
                    "\"text\" must be a string.");
        }
        BotReply reply = engine.handle(new ResidentMessage(conversation.id(), text.asText()));
        HttpJson.send(response, mapper, replies.reply(reply));
    }

    private void showConversation(ServerRequest request, ServerResponse response) {
        Conversation conversation = authorised(request);
        ObjectNode json = mapper.createObjectNode();
        json.put("id", conversation.id());
        json.put("channel", conversation.channel());
        json.put("started_at", conversation.startedAt().toString());
        var turns = json.putArray("turns");
        engine.transcript(conversation.id()).forEach(turn -> turns.add(replies.turn(turn)));
        HttpJson.send(response, mapper, json);
    }

    private void streamEvents(ServerRequest request, ServerResponse response) {
        Conversation conversation = authorised(request);
        events.stream(conversation, response);
    }

    /**
     * The conversation named in the path, if the caller holds its token: in the Authorization
     * header, or as {@code ?token=} for EventSource, which cannot set headers.
     */
    private Conversation authorised(ServerRequest request) {
        String id = request.path().pathParameters().get("id");
        Optional<String> token = bearerToken(request).or(() -> request.query().first("token").asOptional());
        if (token.isEmpty() || token.get().isBlank()) {
            throw new ApiException(Status.UNAUTHORIZED_401.code(), "missing_token",
                    "Send the conversation's token as the header Authorization: Bearer <token>.");
        }
        Conversation conversation = store.find(id).orElseThrow(() -> new ApiException(Status.NOT_FOUND_404.code(),
                "unknown_conversation", "No conversation with id " + id
                + "; start one with POST /api/v1/conversations."));
        if (!AccessTokens.matches(token.get(), conversation.accessTokenHash())) {
            throw new ApiException(Status.FORBIDDEN_403.code(), "wrong_token",
                    "The token does not belong to this conversation; use the token returned when it was started.");
        }
        return conversation;
    }

    private static Optional<String> bearerToken(ServerRequest request) {
        if (!request.headers().contains(HeaderNames.AUTHORIZATION)) {
            return Optional.empty();
        }
        String value = request.headers().get(HeaderNames.AUTHORIZATION).get().strip();
        if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(value.substring(7).strip());
        }
        throw new ApiException(Status.UNAUTHORIZED_401.code(), "missing_token",
                "The Authorization header must read: Bearer <token>.");
    }
}
