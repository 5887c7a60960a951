package org.councilbot.index.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
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

class AzureOpenAiComposerTest {
    @RegisterExtension
    final WireMockExtension azure = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Test
    void calls_the_deployment_url_with_api_key_header_and_api_version() {
        // given
        azure.stubFor(post(urlPathEqualTo("/openai/deployments/councilbot-answers/chat/completions"))
                .withQueryParam("api-version", equalTo("2024-10-21"))
                .withHeader("api-key", equalTo("azure-secret"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                        .withBody(Fixtures.openAiStream("General waste goes", " every other Monday [1]."))));
        List<String> shown = new ArrayList<>();

        // when
        Optional<ComposedAnswer> answer = LlmAnswerComposer.azureOpenAi(
                        Fixtures.azure(azure.baseUrl() + "/", Duration.ofSeconds(5)))
                .compose("When are bins collected?", List.of(Fixtures.BINS), shown::add);

        // then
        assertThat(answer.orElseThrow().text()).isEqualTo("General waste goes every other Monday.");
        assertThat(answer.get().citations()).containsExactly(Fixtures.BINS.citation());
        assertThat(String.join("", shown)).isEqualTo(answer.get().text());
        azure.verify(postRequestedFor(urlPathEqualTo("/openai/deployments/councilbot-answers/chat/completions"))
                .withQueryParam("api-version", equalTo("2024-10-21"))
                .withHeader("api-key", equalTo("azure-secret"))
                .withoutHeader("Authorization")
                .withRequestBody(matchingJsonPath("$.stream", equalTo("true"))));
    }
}
