package org.councilbot.index.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Measures the time to first token that councilbot adds over the provider's own: the provider
 * (WireMock) waits a fixed delay before its first byte, and the overhead is the time from the call
 * to the first token reaching the sink, minus that delay. Writes the figures to
 * {@code target/llm-ttft-overhead.txt}; asserts nothing about timing.
 */
class TimeToFirstTokenTest {
    private static final int PROVIDER_DELAY_MS = 200;
    private static final int WARM_UPS = 3;
    private static final int RUNS = 15;

    @RegisterExtension
    final WireMockExtension provider = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Test
    void measures_first_token_overhead_over_the_providers_delay() throws IOException {
        // given
        provider.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withFixedDelay(PROVIDER_DELAY_MS)
                .withBody(Fixtures.openAiStream("General waste is collected", " every other Monday [1]."))));
        provider.stubFor(post("/api/chat").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/x-ndjson").withFixedDelay(PROVIDER_DELAY_MS)
                .withBody(Fixtures.ollamaStream("General waste is collected", " every other Monday [1]."))));
        Duration timeout = Duration.ofSeconds(5);

        // when
        List<Double> openAi = overheads(LlmAnswerComposer.openAiCompatible(
                Fixtures.openAi(provider.baseUrl() + "/v1", timeout)));
        List<Double> ollama = overheads(LlmAnswerComposer.ollama(Fixtures.ollama(provider.baseUrl(), timeout)));

        // then
        assertThat(openAi).hasSize(RUNS);
        assertThat(ollama).hasSize(RUNS);
        Files.writeString(Path.of("target", "llm-ttft-overhead.txt"), String.format(
                "provider delay before first byte: %d ms, %d runs after %d warm-ups%n"
                        + "openai-compatible SSE: median %.1f ms, max %.1f ms%n"
                        + "ollama NDJSON:         median %.1f ms, max %.1f ms%n",
                PROVIDER_DELAY_MS, RUNS, WARM_UPS, median(openAi), max(openAi), median(ollama), max(ollama)));
    }

    private static List<Double> overheads(LlmAnswerComposer composer) {
        List<Double> overheads = new ArrayList<>();
        for (int run = 0; run < WARM_UPS + RUNS; run++) {
            AtomicLong firstToken = new AtomicLong();
            long start = System.nanoTime();
            composer.compose("When are bins collected?", List.of(Fixtures.BINS, Fixtures.GARDEN),
                    piece -> firstToken.compareAndSet(0, System.nanoTime()));
            assertThat(firstToken.get()).isPositive();
            if (run >= WARM_UPS) {
                overheads.add((firstToken.get() - start) / 1e6 - PROVIDER_DELAY_MS);
            }
        }
        return overheads;
    }

    private static double median(List<Double> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }
}
