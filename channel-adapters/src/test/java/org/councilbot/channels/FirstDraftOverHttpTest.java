package org.councilbot.channels;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures, end to end, the time to first token councilbot adds over the provider's own: from the
 * resident's message being sent to the first checked sentence reaching the page's event stream,
 * minus the delay before the provider's (WireMock's) first byte. It covers what a resident waits
 * for: the safeguarding screen, intent matching, retrieval, the prompt, the stream parser, the
 * guard on the first sentence and the SSE hop. Writes the figures to
 * {@code target/llm-first-draft-over-http.txt}; asserts nothing about timing.
 */
class FirstDraftOverHttpTest {
    private static final int PROVIDER_DELAY_MS = 300;
    private static final int WARM_UPS = 3;
    private static final int RUNS = 12;
    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER =
            new com.fasterxml.jackson.databind.ObjectMapper();
    private static final String ANSWER = "Recycling is collected on Mondays in Northtown [1]. Put the bin out by 7am [1].";

    @TempDir
    Path dataDir;
    private final WireMockServer provider = new WireMockServer(wireMockConfig().dynamicPort());

    @BeforeEach
    void startProvider() {
        provider.start();
        provider.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withFixedDelay(PROVIDER_DELAY_MS)
                .withBody(OpenAiStream.answering(ANSWER))));
    }

    @AfterEach
    void stopProvider() {
        provider.stop();
    }

    @Test
    void measures_the_first_draft_a_resident_sees_against_the_providers_delay() throws Exception {
        List<Double> firstDraft = new ArrayList<>();
        List<Double> wholeReply = new ArrayList<>();
        try (TestCouncilbot bot = TestCouncilbot.start(dataDir, OpenAiStream.providerAt(provider.baseUrl() + "/v1"))) {
            for (int run = 0; run < WARM_UPS + RUNS; run++) {
                Turn turn = timeOneTurn(bot);
                // then: the first sentence came as a draft and the reply is the LLM's (the provider sends
                // the whole answer at once after its delay, so the draft and the reply come close together)
                assertThat(turn.firstDraftNanos()).isPositive();
                assertThat(turn.reply().at("/why/reason").asText()).contains("composed by llm:gpt-4o-mini");
                assertThat(turn.firstDraftText()).isEqualTo("Recycling is collected on Mondays in Northtown.");
                if (run >= WARM_UPS) {
                    firstDraft.add(turn.firstDraftNanos() / 1e6 - PROVIDER_DELAY_MS);
                    wholeReply.add(turn.replyNanos() / 1e6 - PROVIDER_DELAY_MS);
                }
            }
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "llm-first-draft-over-http.txt"), String.format(
                "provider delay before first byte: %d ms, %d runs after %d warm-ups, over HTTP and SSE%n"
                        + "first checked sentence on the event stream, minus the delay: median %.1f ms, max %.1f ms%n"
                        + "whole reply to the POST, minus the delay:                    median %.1f ms, max %.1f ms%n",
                PROVIDER_DELAY_MS, RUNS, WARM_UPS, median(firstDraft), max(firstDraft), median(wholeReply),
                max(wholeReply)));
    }

    private record Turn(long firstDraftNanos, String firstDraftText, long replyNanos, JsonNode reply) {}

    /** Opens the conversation's event stream, waits for it to be ready, then sends one question. */
    private static Turn timeOneTurn(TestCouncilbot bot) throws Exception {
        JsonNode conversation = bot.startConversation();
        CountDownLatch ready = new CountDownLatch(1);
        CountDownLatch drafted = new CountDownLatch(1);
        AtomicLong sent = new AtomicLong();
        AtomicLong firstDraftAt = new AtomicLong();
        StringBuilder firstDraft = new StringBuilder();
        HttpRequest events = HttpRequest.newBuilder(bot.uri("/api/v1/conversations/" + conversation.get("id").asText()
                        + "/events")).header("Authorization", "Bearer " + conversation.get("token").asText())
                .header("Accept", "text/event-stream").GET().build();
        CompletableFuture<HttpResponse<Stream<String>>> stream = bot.http().sendAsync(events,
                HttpResponse.BodyHandlers.ofLines());
        Thread reader = Thread.ofVirtual().start(() -> {
            String event = "";
            for (String line : (Iterable<String>) stream.join().body()::iterator) {
                if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                    if (event.equals("ready")) {
                        ready.countDown();
                    }
                } else if (line.startsWith("data:") && event.equals("draft") && drafted.getCount() > 0) {
                    firstDraftAt.set(System.nanoTime());
                    firstDraft.append(textOf(line.substring(5).strip()));
                    drafted.countDown();
                    return;
                }
            }
        });
        assertThat(ready.await(10, TimeUnit.SECONDS)).as("event stream ready").isTrue();
        sent.set(System.nanoTime());
        HttpResponse<String> response = bot.say(conversation, "when is recycling collected in Northtown?");
        long repliedAt = System.nanoTime();
        assertThat(drafted.await(10, TimeUnit.SECONDS)).as("a draft on the event stream").isTrue();
        reader.join(Duration.ofSeconds(5));
        stream.cancel(true);
        return new Turn(firstDraftAt.get() - sent.get(), firstDraft.toString(), repliedAt - sent.get(),
                bot.json(response));
    }

    private static String textOf(String json) {
        try {
            return MAPPER.readTree(json).get("text").asText();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }
}
