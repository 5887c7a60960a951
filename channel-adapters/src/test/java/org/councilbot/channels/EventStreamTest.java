package org.councilbot.channels;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Server-sent events of a conversation, read by a real HTTP client. */
class EventStreamTest extends RunningCouncilbot {
    @Test
    void streams_each_reply_of_the_conversation() throws Exception {
        JsonNode conversation = bot.startConversation();
        String id = conversation.get("id").asText();
        HttpRequest request = HttpRequest.newBuilder(bot.uri("/api/v1/conversations/" + id + "/events?token="
                + conversation.get("token").asText())).header("Accept", "text/event-stream").GET().build();
        HttpResponse<InputStream> stream = bot.http().send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type")).get().asString().startsWith("text/event-stream");
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            assertThat(readEvent(reader)).contains("event:ready");
            bot.say(conversation, "when is recycling collected");
            String event = readEvent(reader);
            assertThat(event).contains("event:reply").contains("id:1").contains("\"action\":\"answer\"")
                    .contains("\"resident_text\":\"when is recycling collected\"");
        }
    }

    @Test
    void refuses_a_stream_without_the_conversation_token() {
        JsonNode conversation = bot.startConversation();
        HttpResponse<String> response = bot.get("/api/v1/conversations/" + conversation.get("id").asText()
                + "/events", "");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(bot.json(response).get("error").asText()).isEqualTo("missing_token");
    }

    /** Reads lines up to the blank line that ends one event, skipping keep-alive comments. */
    private static String readEvent(BufferedReader reader) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            try {
                List<String> lines = new ArrayList<>();
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.isEmpty()) {
                        if (!lines.isEmpty()) {
                            break;
                        }
                        continue;
                    }
                    if (!line.startsWith(":")) {
                        lines.add(line.replace(": ", ":"));
                    }
                }
                return String.join("\n", lines);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).get(Duration.ofSeconds(20).toMillis(), TimeUnit.MILLISECONDS);
    }
}
