package org.councilbot.index.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.councilbot.core.CouncilbotException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every way a provider can fail ends in {@code llm_unavailable}, promptly and without its body. */
class ProviderFailureTest {
    private static final Duration TIMEOUT = Duration.ofMillis(1500);
    private static final String PROVIDER_BODY = "provider-internal-detail";

    @RegisterExtension
    final WireMockExtension provider = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final List<String> shown = new ArrayList<>();

    private void openAiReplies(ResponseDefinitionBuilder response) {
        provider.stubFor(post("/v1/chat/completions").willReturn(response));
    }

    private void ollamaReplies(ResponseDefinitionBuilder response) {
        provider.stubFor(post("/api/chat").willReturn(response));
    }

    private CouncilbotException openAiFailure() {
        return failure(LlmAnswerComposer.openAiCompatible(Fixtures.openAi(provider.baseUrl() + "/v1", TIMEOUT)));
    }

    private CouncilbotException ollamaFailure() {
        return failure(LlmAnswerComposer.ollama(Fixtures.ollama(provider.baseUrl(), TIMEOUT)));
    }

    private CouncilbotException failure(LlmAnswerComposer composer) {
        long start = System.nanoTime();
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
                () -> composer.compose("When are bins collected?", List.of(Fixtures.BINS), shown::add));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(thrown).isInstanceOf(CouncilbotException.class);
        CouncilbotException e = (CouncilbotException) thrown;
        assertThat(e.code()).isEqualTo("llm_unavailable");
        assertThat(e.getMessage()).doesNotContain(PROVIDER_BODY);
        assertThat(took).isLessThan(TIMEOUT.plusSeconds(2));
        return e;
    }

    private static ResponseDefinitionBuilder sse(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(body);
    }

    private static ResponseDefinitionBuilder ndjson(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/x-ndjson").withBody(body);
    }

    private static ResponseDefinitionBuilder error(int status) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"" + PROVIDER_BODY + "\",\"type\":\"server_error\"}}");
    }

    @Test
    void gives_up_when_the_first_byte_is_later_than_the_timeout() {
        openAiReplies(sse(Fixtures.openAiStream("Monday [1].")).withFixedDelay(4000));

        assertThat(openAiFailure().getMessage()).containsPattern("timed out|TimeoutException");
        assertThat(shown).isEmpty();
    }

    @Test
    void gives_up_on_a_stream_that_stalls_after_the_first_tokens() {
        // The whole stream dribbles out over 6 s: the first tokens arrive, the end does not in time.
        openAiReplies(sse(Fixtures.openAiStream("General", " waste", " is", " collected", " on", " Monday."))
                .withChunkedDribbleDelay(12, 6000));

        openAiFailure();
    }

    @Test
    void fails_on_429_with_retry_after() {
        openAiReplies(error(429).withHeader("Retry-After", "20"));

        assertThat(openAiFailure().getMessage()).contains("429");
    }

    @Test
    void fails_on_500() {
        openAiReplies(error(500));

        assertThat(openAiFailure().getMessage()).contains("500");
    }

    @Test
    void fails_on_an_openai_stream_cut_off_before_done() {
        openAiReplies(sse(Fixtures.openAiChunks("Collections are", " on Monday [1].")));

        openAiFailure();
    }

    @Test
    void fails_on_a_malformed_json_chunk() {
        // Well-formed before and after, so only the broken chunk can fail it.
        openAiReplies(sse(Fixtures.openAiChunks("Collections are") + "data: {\"choices\":[{\"delta\":{\"content\n\n"
                + Fixtures.openAiStream(" on Monday.")));

        openAiFailure();
    }

    @Test
    void fails_when_the_connection_is_reset() {
        openAiReplies(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        openAiFailure();
    }

    @Test
    void fails_on_an_ollama_stream_without_its_done_line() {
        ollamaReplies(ndjson(Fixtures.ollamaLines("Collections are", " on Monday [1].")));

        ollamaFailure();
    }

    @Test
    void fails_on_a_malformed_ollama_line() {
        // LangChain4j alone skips the broken line and answers "Collections are on Monday."
        ollamaReplies(ndjson(Fixtures.ollamaLines("Collections are") + "{\"message\":{\"content\":\n"
                + Fixtures.ollamaStream(" on Monday.")));

        ollamaFailure();
    }

    @Test
    void fails_on_an_ollama_error_status() {
        ollamaReplies(error(503));

        assertThat(ollamaFailure().getMessage()).contains("503");
    }

    @Test
    void gives_up_on_a_slow_ollama() {
        ollamaReplies(ndjson(Fixtures.ollamaStream("Monday.")).withFixedDelay(4000));

        ollamaFailure();
    }
}
