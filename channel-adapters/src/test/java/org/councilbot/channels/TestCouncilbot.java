package org.councilbot.channels;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.councilbot.index.IndexSettings;
import org.councilbot.index.KnowledgeIndexer;

/** The real server on port 0 over a small test council, and an HTTP client to talk to it. */
final class TestCouncilbot implements AutoCloseable {
    static final Path CORPUS = Path.of("src/test/resources/corpus");
    static final Path COUNCIL = Path.of("src/test/resources/council.yaml");
    static final Path SHARED_MODELS = Path.of("target/models");

    private final CouncilbotServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper mapper = new ObjectMapper();

    private TestCouncilbot(CouncilbotServer server) {
        this.server = server;
    }

    /** Starts over {@code dataDir}, building the test council's index there first if it has none. */
    static TestCouncilbot start(Path dataDir) {
        return start(dataDir, Map.of());
    }

    static TestCouncilbot start(Path dataDir, Map<String, String> extraEnvironment) {
        return start(dataDir, extraEnvironment, Clock.systemDefaultZone());
    }

    /** Starts with {@code clock} timing the server's waits, so a test can move time on. */
    static TestCouncilbot start(Path dataDir, Map<String, String> extraEnvironment, Clock clock) {
        if (!Files.exists(dataDir.resolve("index"))) {
            KnowledgeIndexer.create(IndexSettings.defaults()).build(CORPUS, dataDir.resolve("index"));
        }
        Map<String, String> environment = new java.util.HashMap<>(Map.of(
                "COUNCILBOT_DATA_DIR", dataDir.toString(), "SERVER_PORT", "0", "SERVER_HOST", "127.0.0.1",
                // One message model for the module's tests: trained by the first server, loaded by the rest.
                "COUNCILBOT_MODELS_DIR", SHARED_MODELS.toAbsolutePath().toString()));
        environment.putAll(extraEnvironment);
        return new TestCouncilbot(CouncilbotServer.start(CouncilbotSettings.load(COUNCIL, environment), clock));
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    HttpResponse<String> post(String path, String body, String contentType, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (!contentType.isEmpty()) {
            request.header("Content-Type", contentType);
        }
        if (!token.isEmpty()) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    HttpResponse<String> get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20)).GET();
        if (!token.isEmpty()) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    /** Starts a web conversation and returns {"id","token"}. */
    JsonNode startConversation() {
        HttpResponse<String> response = post("/api/v1/conversations", "{\"channel\":\"web\"}", "application/json", "");
        if (response.statusCode() != 201) {
            throw new IllegalStateException("conversation not created: " + response.statusCode() + " " + response.body());
        }
        return json(response);
    }

    HttpResponse<String> say(JsonNode conversation, String text) {
        String body = mapper.createObjectNode().put("text", text).toString();
        return post("/api/v1/conversations/" + conversation.get("id").asText() + "/messages", body,
                "application/json", conversation.get("token").asText());
    }

    JsonNode json(HttpResponse<String> response) {
        try {
            return mapper.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    HttpClient http() {
        return http;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
