package org.councilbot.index.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.councilbot.core.ComposedAnswer;
import org.councilbot.core.CouncilbotException;
import org.councilbot.core.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A provider that says it is overloaded is left alone for as long as it asks, on a clock the test moves. */
class ProviderCooldownTest {
    private static final Instant START = Instant.parse("2026-11-24T10:00:00Z");
    private static final String OPENAI_PATH = "/v1/chat/completions";

    @RegisterExtension
    final WireMockExtension provider = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final MutableClock clock = new MutableClock(START);
    private final List<String> shown = new ArrayList<>();
    private final List<LogRecord> warnings = new ArrayList<>();
    private final Logger log = Logger.getLogger(ProviderCooldown.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                synchronized (warnings) {
                    warnings.add(record);
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureWarnings() {
        log.addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        log.removeHandler(capture);
    }

    private LlmAnswerComposer openAi() {
        return LlmAnswerComposer.openAiCompatible(Fixtures.openAi(provider.baseUrl() + "/v1", Duration.ofSeconds(5)),
                clock);
    }

    private void openAiReplies(ResponseDefinitionBuilder response) {
        provider.stubFor(post(OPENAI_PATH).willReturn(response));
    }

    private void openAiAnswers() {
        openAiReplies(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                .withBody(Fixtures.openAiStream("General waste is collected", " every other Monday [1].")));
    }

    private static ResponseDefinitionBuilder refusal(int status) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\"}}");
    }

    private Optional<ComposedAnswer> compose(LlmAnswerComposer composer) {
        return composer.compose("When are bins collected?", List.of(Fixtures.BINS), shown::add);
    }

    private static CouncilbotException unavailable(LlmAnswerComposer composer, List<String> shown) {
        Throwable thrown = catchThrowable(() -> composer.compose("When are bins collected?", List.of(Fixtures.BINS),
                shown::add));
        assertThat(thrown).isInstanceOfSatisfying(CouncilbotException.class,
                e -> assertThat(e.code()).isEqualTo("llm_unavailable"));
        return (CouncilbotException) thrown;
    }

    private int calls(String path) {
        return provider.findAll(postRequestedFor(urlPathEqualTo(path))).size();
    }

    @Test
    void does_not_call_again_until_retry_after_seconds_have_passed() {
        // given
        LlmAnswerComposer composer = openAi();
        openAiReplies(refusal(429).withHeader("Retry-After", "30"));
        assertThat(unavailable(composer, shown).getMessage()).contains("429");

        // when
        openAiAnswers();
        clock.advance(Duration.ofSeconds(29));
        CouncilbotException waiting = unavailable(composer, shown);

        // then
        assertThat(waiting.getMessage()).contains("not to be called until " + START.plusSeconds(30));
        assertThat(calls(OPENAI_PATH)).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(compose(composer)).map(ComposedAnswer::text)
                .contains("General waste is collected every other Monday.");
        assertThat(calls(OPENAI_PATH)).isEqualTo(2);
    }

    @Test
    void reads_retry_after_as_an_http_date() {
        LlmAnswerComposer composer = openAi();
        String in45Seconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(START.plusSeconds(45).atOffset(ZoneOffset.UTC));
        openAiReplies(refusal(429).withHeader("Retry-After", in45Seconds));
        unavailable(composer, shown);
        openAiAnswers();

        clock.advance(Duration.ofSeconds(44));
        unavailable(composer, shown);
        assertThat(calls(OPENAI_PATH)).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(compose(composer)).isPresent();
        assertThat(calls(OPENAI_PATH)).isEqualTo(2);
    }

    @Test
    void honours_retry_after_on_a_503() {
        LlmAnswerComposer composer = openAi();
        openAiReplies(refusal(503).withHeader("Retry-After", "20"));
        assertThat(unavailable(composer, shown).getMessage()).contains("503");
        openAiAnswers();

        clock.advance(Duration.ofSeconds(19));
        unavailable(composer, shown);
        assertThat(calls(OPENAI_PATH)).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(compose(composer)).isPresent();
        assertThat(calls(OPENAI_PATH)).isEqualTo(2);
    }

    @Test
    void a_503_without_retry_after_only_fails_its_own_turn() {
        LlmAnswerComposer composer = openAi();
        openAiReplies(refusal(503));
        unavailable(composer, shown);
        openAiAnswers();

        assertThat(compose(composer)).isPresent();

        assertThat(calls(OPENAI_PATH)).isEqualTo(2);
        assertThat(warnings).isEmpty();
    }

    @Test
    void backs_off_longer_after_each_429_without_retry_after() {
        // given: a 429 without Retry-After waits the first backoff
        LlmAnswerComposer composer = openAi();
        openAiReplies(refusal(429));
        unavailable(composer, shown);
        clock.advance(ProviderCooldown.FIRST_BACKOFF.minusSeconds(1));
        unavailable(composer, shown);
        assertThat(calls(OPENAI_PATH)).isEqualTo(1);

        // when: the provider refuses again once it is asked again
        clock.advance(Duration.ofSeconds(1));
        unavailable(composer, shown);
        assertThat(calls(OPENAI_PATH)).isEqualTo(2);

        // then: the second wait is twice the first
        clock.advance(ProviderCooldown.FIRST_BACKOFF.multipliedBy(2).minusSeconds(1));
        unavailable(composer, shown);
        assertThat(calls(OPENAI_PATH)).isEqualTo(2);
        openAiAnswers();
        clock.advance(Duration.ofSeconds(1));
        assertThat(compose(composer)).isPresent();
        assertThat(calls(OPENAI_PATH)).isEqualTo(3);
    }

    @Test
    void a_success_starts_the_backoff_again_from_the_first_wait() {
        LlmAnswerComposer composer = openAi();
        openAiReplies(refusal(429));
        unavailable(composer, shown);
        clock.advance(ProviderCooldown.FIRST_BACKOFF);
        openAiAnswers();
        assertThat(compose(composer)).isPresent();

        openAiReplies(refusal(429));
        unavailable(composer, shown);
        openAiAnswers();
        clock.advance(ProviderCooldown.FIRST_BACKOFF.minusSeconds(1));
        unavailable(composer, shown);
        assertThat(calls(OPENAI_PATH)).isEqualTo(3);
        clock.advance(Duration.ofSeconds(1));

        assertThat(compose(composer)).isPresent();
        assertThat(calls(OPENAI_PATH)).isEqualTo(4);
    }

    @Test
    void caps_a_very_long_retry_after() {
        LlmAnswerComposer composer = openAi();
        openAiReplies(refusal(429).withHeader("Retry-After", "86400"));
        unavailable(composer, shown);
        openAiAnswers();
        clock.advance(ProviderCooldown.MAX_WAIT.minusSeconds(1));
        unavailable(composer, shown);

        clock.advance(Duration.ofSeconds(1));

        assertThat(compose(composer)).isPresent();
        assertThat(calls(OPENAI_PATH)).isEqualTo(2);
    }

    @Test
    void streams_nothing_while_cooling_down_and_streams_again_after() {
        LlmAnswerComposer composer = openAi();
        openAiReplies(refusal(429).withHeader("Retry-After", "10"));
        unavailable(composer, shown);
        openAiAnswers();
        clock.advance(Duration.ofSeconds(5));
        unavailable(composer, shown);
        assertThat(shown).isEmpty();

        clock.advance(Duration.ofSeconds(5));
        Optional<ComposedAnswer> answer = compose(composer);

        assertThat(shown).isNotEmpty();
        assertThat(String.join("", shown)).isEqualTo(answer.orElseThrow().text());
    }

    @Test
    void logs_a_cool_down_once_however_many_turns_it_affects() {
        LlmAnswerComposer composer = openAi();
        openAiReplies(refusal(429).withHeader("Retry-After", "30"));

        for (int turn = 0; turn < 4; turn++) {
            unavailable(composer, shown);
            clock.advance(Duration.ofSeconds(5));
        }

        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0).getMessage()).contains("HTTP 429").contains("30 s")
                .contains(START.plusSeconds(30).toString()).doesNotContain("Rate limit reached");
    }

    @Test
    void an_ollama_server_is_left_alone_as_asked_too() {
        LlmAnswerComposer composer = LlmAnswerComposer.ollama(Fixtures.ollama(provider.baseUrl(), Duration.ofSeconds(5)),
                clock);
        provider.stubFor(post("/api/chat").willReturn(refusal(429).withHeader("Retry-After", "15")));
        unavailable(composer, shown);
        provider.stubFor(post("/api/chat").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/x-ndjson").withBody(Fixtures.ollamaStream("Monday [1]."))));

        clock.advance(Duration.ofSeconds(14));
        unavailable(composer, shown);
        assertThat(calls("/api/chat")).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(compose(composer)).map(ComposedAnswer::text).contains("Monday.");
        assertThat(calls("/api/chat")).isEqualTo(2);
    }

    @Test
    void an_azure_deployment_is_left_alone_for_its_retry_after_ms() {
        String path = "/openai/deployments/councilbot-answers/chat/completions";
        LlmAnswerComposer composer = LlmAnswerComposer.azureOpenAi(Fixtures.azure(provider.baseUrl(),
                Duration.ofSeconds(5)), clock);
        provider.stubFor(post(urlPathEqualTo(path)).willReturn(refusal(429)
                .withHeader("retry-after-ms", "12500").withHeader("Retry-After", "13")));
        unavailable(composer, shown);
        provider.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withBody(Fixtures.openAiStream("Monday [1]."))));

        clock.advance(Duration.ofMillis(12_499));
        unavailable(composer, shown);
        assertThat(calls(path)).isEqualTo(1);

        clock.advance(Duration.ofMillis(1));
        assertThat(compose(composer)).isPresent();
        assertThat(calls(path)).isEqualTo(2);
    }
}
