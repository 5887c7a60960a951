package org.councilbot.index.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.councilbot.core.ComposedAnswer;
import org.councilbot.core.CouncilbotException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OpenAiCompatibleComposerTest {
    @RegisterExtension
    final WireMockExtension provider = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final List<String> shown = new ArrayList<>();

    private LlmAnswerComposer composer() {
        return LlmAnswerComposer.openAiCompatible(Fixtures.openAi(provider.baseUrl() + "/v1", Duration.ofSeconds(5)));
    }

    private void streams(String body) {
        provider.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withBody(body)));
    }

    @Test
    void streams_the_answer_without_markers_and_cites_the_sources_it_used() {
        // given
        streams(Fixtures.openAiStream("General waste is collected", " every other Monday [", "1].",
                " A garden permit costs £45 [2]."));

        // when
        Optional<ComposedAnswer> answer = composer().compose("When are bins collected?",
                List.of(Fixtures.BINS, Fixtures.GARDEN), shown::add);

        // then
        assertThat(answer).isPresent();
        assertThat(answer.get().text())
                .isEqualTo("General waste is collected every other Monday. A garden permit costs £45.");
        assertThat(answer.get().citations()).containsExactly(Fixtures.BINS.citation(), Fixtures.GARDEN.citation());
        assertThat(shown).hasSizeGreaterThan(1);
        assertThat(String.join("", shown)).isEqualTo(answer.get().text());
    }

    @Test
    void sends_a_streaming_chat_completion_with_bearer_key_and_numbered_sources() {
        streams(Fixtures.openAiStream("Every other Monday [1]."));

        composer().compose("When are bins collected?", List.of(Fixtures.BINS, Fixtures.GARDEN), shown::add);

        provider.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer sk-test-secret"))
                .withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.model", equalTo("gpt-4o-mini")))
                .withRequestBody(matchingJsonPath("$.messages[0].role", equalTo("system")))
                .withRequestBody(matchingJsonPath("$.messages[0].content", containing(
                        "<source id=\"1\">\nTitle: Bin collections\nURL: https://council.example/bins")))
                .withRequestBody(matchingJsonPath("$.messages[0].content", containing("<source id=\"2\">")))
                .withRequestBody(matchingJsonPath("$.messages[1].role", equalTo("user")))
                .withRequestBody(matchingJsonPath("$.messages[1].content",
                        containing("<question>\nWhen are bins collected?\n</question>"))));
    }

    @Test
    void an_uncited_answer_relies_on_the_first_source() {
        streams(Fixtures.openAiStream("Every other Monday."));

        Optional<ComposedAnswer> answer = composer().compose("When?", List.of(Fixtures.BINS, Fixtures.GARDEN),
                shown::add);

        assertThat(answer.orElseThrow().citations()).containsExactly(Fixtures.BINS.citation());
    }

    @Test
    void is_empty_and_streams_nothing_when_the_model_does_not_know() {
        streams(Fixtures.openAiStream("I don't", " know."));

        Optional<ComposedAnswer> answer = composer().compose("Who is the mayor?", List.of(Fixtures.BINS),
                shown::add);

        assertThat(answer).isEmpty();
        assertThat(shown).isEmpty();
    }

    @Test
    void rejects_a_citation_of_a_source_it_was_not_given() {
        streams(Fixtures.openAiStream("Collections are on Monday [3]."));

        assertThatThrownBy(() -> composer().compose("When?", List.of(Fixtures.BINS, Fixtures.GARDEN), shown::add))
                .isInstanceOfSatisfying(CouncilbotException.class,
                        e -> assertThat(e.code()).isEqualTo("llm_invalid_answer"));
    }

    @Test
    void asks_nothing_of_the_model_without_passages() {
        assertThat(composer().compose("When?", List.of(), shown::add)).isEmpty();
        assertThat(provider.getAllServeEvents()).isEmpty();
    }

    @Test
    void a_plain_json_reply_to_a_streaming_request_fails_rather_than_hangs() {
        // Some OpenAI-compatible servers ignore "stream": true and answer with one JSON object.
        provider.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"model":"gpt-4o-mini",
                         "choices":[{"index":0,"message":{"role":"assistant","content":"Every other Monday [1]."},
                         "finish_reason":"stop"}],"usage":{"prompt_tokens":9,"completion_tokens":6,"total_tokens":15}}
                        """)));

        assertThatThrownBy(() -> composer().compose("When?", List.of(Fixtures.BINS), shown::add))
                .isInstanceOfSatisfying(CouncilbotException.class,
                        e -> assertThat(e.code()).isEqualTo("llm_unavailable"));
    }
}
