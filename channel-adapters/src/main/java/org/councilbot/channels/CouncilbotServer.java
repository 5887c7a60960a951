package org.councilbot.channels;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpException;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.staticcontent.StaticContentService;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import org.councilbot.core.ChatEngine;
import org.councilbot.core.ServiceDefinition;
import org.councilbot.core.TextEmbedder;
import org.councilbot.core.ConversationStore;
import org.councilbot.core.CouncilbotException;
import org.councilbot.core.InvalidMessageException;
import org.councilbot.core.KnowledgeQuery;
import org.councilbot.core.PiiRedactor;
import org.councilbot.core.UnknownConversationException;
import org.councilbot.handoff.CouncilDatabase;
import org.councilbot.handoff.HandoffQueue;
import org.councilbot.handoff.JdbcConversationStore;
import org.councilbot.handoff.TranscriptPurge;
import org.councilbot.index.Embeddings;
import org.councilbot.index.LuceneKnowledgeIndex;
import org.councilbot.index.llm.LlmAnswerComposer;

/**
 * The running councilbot: index, database, engine and HTTP server, wired together once.
 *
 * <p>This is the composition root; nothing else creates these objects.
 */
public final class CouncilbotServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(CouncilbotServer.class.getName());

    private final WebServer server;
    private final List<AutoCloseable> resources;

    private CouncilbotServer(WebServer server, List<AutoCloseable> resources) {
        this.server = server;
        this.resources = resources;
    }

    /** Opens the index and database named by the settings and starts serving, on the council's time. */
    public static CouncilbotServer start(CouncilbotSettings settings) {
        return start(settings, Clock.system(settings.timeZone()));
    }

    /**
     * The same, with {@code clock} timing everything that waits: outbox retries, provider
     * cool-downs, retention purges. Tests move a clock of their own.
     */
    public static CouncilbotServer start(CouncilbotSettings settings, Clock clock) {
        List<AutoCloseable> resources = new ArrayList<>();
        try {
            LuceneKnowledgeIndex index = LuceneKnowledgeIndex.open(settings.indexDir());
            resources.add(index);
            CouncilDatabase database = CouncilDatabase.open(settings.database());
            resources.add(database);
            ConversationStore store = settings.retention().redactPersonalData()
                    ? JdbcConversationStore.redacting(database, PiiRedactor.ukPatterns())
                    : JdbcConversationStore.create(database);
            TranscriptPurge purge = TranscriptPurge.create(database, settings.retention(), clock);
            resources.add(purge);
            purge.start();
            ObjectMapper mapper = new ObjectMapper();
            ConversationEventHub hub = new ConversationEventHub(settings.web().maxStreamsPerConversation(), 64);
            Optional<ServiceRequests> requests = ServiceRequests.open(settings.serviceRequests(), database, clock);
            requests.ifPresent(resources::add);
            TextEmbedder model = TextEmbedder.remembering(Embeddings.miniLm(), 256);
            UnderstandingModels understanding = UnderstandingModels.load(settings.understanding().modelsDir(), model);
            List<ServiceDefinition> services = requests.map(r -> r.catalogue().services()).orElse(List.of());
            ChatEngine.Builder engineBuilder = settings.engine().applyTo(ChatEngine.builder(), model, services,
                    understanding, understanding.link(services, settings.understanding().catalogueLinks()))
                    .understandingTuning(settings.understanding().tuning());
            requests.ifPresent(r -> engineBuilder.serviceRequests(r.catalogue(), r.intake()).requestStatus(r.desk()));
            settings.llm().ifPresent(llm -> engineBuilder.composer(LlmAnswerComposer.of(llm, clock)));
            Lookups.open(settings.lookups(), clock).applyTo(engineBuilder);
            ChatEngine engine = engineBuilder.store(store).retriever(index).council(settings.council()).clock(clock)
                    .listener(hub).draftListener(hub).build();
            ReplyJson replies = new ReplyJson(mapper);
            ConversationsApi api = new ConversationsApi(engine, store, new AccessTokens(new SecureRandom()),
                    new JsonRequests(mapper, settings.web().maxBodyBytes()), replies, mapper,
                    new ConversationEventStream(hub, replies, mapper, settings.web().heartbeat(),
                            settings.web().maxStreamLifetime()));
            WebServer server = WebServer.builder()
                    .host(settings.host())
                    .port(settings.port())
                    .maxPayloadSize(1024L * 1024)
                    .addFeature(ObserveFeature.just(HealthObserver.create(
                            readiness("knowledge-index", () -> index.retrieve(KnowledgeQuery.of("council", 1))),
                            readiness("database", () -> store.find("health-check")))))
                    .routing(routing -> routes(routing, api, new CouncilApi(settings.council(), mapper),
                            new StaffApi(requests, HandoffQueue.create(database), settings.staffApiToken(), mapper), mapper))
                    .build()
                    .start();
            return new CouncilbotServer(server, resources);
        } catch (RuntimeException e) {
            closeAll(resources);
            throw e;
        }
    }

    private static void routes(HttpRouting.Builder routing, ConversationsApi api, CouncilApi council, StaffApi staff,
                               ObjectMapper mapper) {
        routing.addFilter((chain, request, response) -> {
            response.header(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff");
            response.header(HeaderNames.create("Referrer-Policy"), "no-referrer");
            response.header(HeaderNames.create("Content-Security-Policy"),
                    "default-src 'self'; connect-src 'self'; img-src 'self' data:; frame-ancestors 'self'");
            chain.proceed();
        });
        routing.register("/api/v1", api, council, staff)
                .register("/", StaticContentService.builder("web").welcomeFileName("index.html").build())
                .any("/api/*", (request, response) -> HttpJson.sendError(response, mapper, 404, "no_such_endpoint",
                        request.prologue().method().text() + " " + request.path().path()
                                + " is not an endpoint; see POST /api/v1/conversations and "
                                + "POST /api/v1/conversations/{id}/messages."))
                .error(ApiException.class, (request, response, e) ->
                        HttpJson.sendError(response, mapper, e.status(), e.code(), e.getMessage()))
                .error(InvalidMessageException.class, (request, response, e) ->
                        HttpJson.sendError(response, mapper, Status.BAD_REQUEST_400.code(), e.code(), e.getMessage()))
                .error(UnknownConversationException.class, (request, response, e) ->
                        HttpJson.sendError(response, mapper, Status.NOT_FOUND_404.code(), e.code(), e.getMessage()))
                .error(HttpException.class, (request, response, e) -> HttpJson.sendError(response, mapper,
                        e.status().code(), e.status() == Status.NOT_FOUND_404 ? "not_found" : "bad_request",
                        e.status() == Status.NOT_FOUND_404 ? "Nothing is served at " + request.path().path() + "."
                                : "The request could not be handled as sent (" + e.status().reasonPhrase() + ")."))
                .error(Exception.class, (request, response, e) -> {
                    // Residents never see internals; the log has them.
                    LOG.log(System.Logger.Level.ERROR, "request failed: " + request.path().path(), e);
                    HttpJson.sendError(response, mapper, Status.INTERNAL_SERVER_ERROR_500.code(), "internal_error",
                            "Something went wrong on our side; please try again in a moment.");
                });
    }

    private static HealthCheck readiness(String name, Runnable probe) {
        return new HealthCheck() {
            @Override
            public HealthCheckType type() {
                return HealthCheckType.READINESS;
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public HealthCheckResponse call() {
                try {
                    probe.run();
                    return HealthCheckResponse.builder().status(HealthCheckResponse.Status.UP).build();
                } catch (CouncilbotException e) {
                    return HealthCheckResponse.builder().status(HealthCheckResponse.Status.DOWN)
                            .detail("error", e.code()).build();
                }
            }
        };
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.stop();
        closeAll(resources);
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "closing " + resources.get(i) + " failed: " + e);
            }
        }
    }
}
