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

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.councilbot.core.ComposedAnswer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OllamaComposerTest {
    @RegisterExtension
    final WireMockExtension ollama = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final List<String> shown = new ArrayList<>();

    private void streams(String body) {
        ollama.stubFor(post("/api/chat").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/x-ndjson").withBody(body)));
    }

    private Optional<ComposedAnswer> compose(String question) {
        return LlmAnswerComposer.ollama(Fixtures.ollama(ollama.baseUrl(), Duration.ofSeconds(5)))
                .compose(question, List.of(Fixtures.BINS, Fixtures.GARDEN), shown::add);
    }

    @Test
    void streams_the_ndjson_answer_and_cites_its_sources() {
        streams(Fixtures.ollamaStream("A garden waste permit", " costs £45 a year [2]."));

        Optional<ComposedAnswer> answer = compose("How much is garden waste?");

        assertThat(answer.orElseThrow().text()).isEqualTo("A garden waste permit costs £45 a year.");
        assertThat(answer.get().citations()).containsExactly(Fixtures.GARDEN.citation());
        assertThat(shown).containsExactly("A garden waste permit", " costs £45 a year.");
        ollama.verify(postRequestedFor(urlEqualTo("/api/chat"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("llama3.2")))
                .withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.messages[0].role", equalTo("system")))
                .withRequestBody(matchingJsonPath("$.messages[0].content", containing("<source id=\"2\">")))
                .withRequestBody(matchingJsonPath("$.messages[1].content", containing("<question>"))));
    }

    @Test
    void is_empty_when_the_model_does_not_know() {
        streams(Fixtures.ollamaStream("I do not know."));

        assertThat(compose("Who is the mayor?")).isEmpty();
        assertThat(shown).isEmpty();
    }
}
