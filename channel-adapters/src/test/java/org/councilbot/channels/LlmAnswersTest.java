package org.councilbot.channels;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.councilbot.core.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server configured with an OpenAI-compatible provider, here a WireMock stub speaking its stream format. */
class LlmAnswersTest {
    @TempDir
    Path dataDir;
    private final WireMockServer provider = new WireMockServer(wireMockConfig().dynamicPort());

    @BeforeEach
    void startProvider() {
        provider.start();
    }

    @AfterEach
    void stopProvider() {
        provider.stop();
    }

    @Test
    void uses_a_grounded_llm_answer_and_sends_no_personal_data() {
        streams("Recycling is collected on Mondays in Northtown [1].");
        try (TestCouncilbot bot = TestCouncilbot.start(dataDir, llm())) {
            JsonNode reply = bot.json(bot.say(bot.startConversation(),
                    "I'm jo@example.com, when is recycling collected in Northtown?"));
            assertThat(reply.get("action").asText()).isEqualTo("answer");
            assertThat(reply.get("text").asText()).isEqualTo("Recycling is collected on Mondays in Northtown.");
            assertThat(reply.at("/why/reason").asText()).contains("composed by llm:gpt-4o-mini");
            assertThat(reply.at("/citations/0/title").asText()).isEqualTo("Recycling collections");
        }
        provider.verify(postRequestedFor(urlEqualTo("/v1/chat/completions")).withRequestBody(containing("[email]")));
        assertThat(provider.getAllServeEvents()).noneMatch(event -> event.getRequest().getBodyAsString().contains("jo@example.com"));
    }

    @Test
    void falls_back_to_the_page_when_the_llm_invents_a_phone_number() {
        streams("Call 01632 960555 to ask about recycling [1].");
        try (TestCouncilbot bot = TestCouncilbot.start(dataDir, llm())) {
            JsonNode reply = bot.json(bot.say(bot.startConversation(), "when is recycling collected in Northtown?"));
            assertThat(reply.get("action").asText()).isEqualTo("answer");
            assertThat(reply.get("text").asText()).doesNotContain("960555").containsIgnoringCase("Mondays");
            assertThat(reply.at("/why/reason").asText()).contains("guard rejected").contains("answered by extractive");
        }
    }

    @Test
    void falls_back_when_the_provider_fails() {
        provider.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(500).withBody("{\"error\":{}}")));
        try (TestCouncilbot bot = TestCouncilbot.start(dataDir, llm())) {
            JsonNode reply = bot.json(bot.say(bot.startConversation(), "when is recycling collected in Northtown?"));
            assertThat(reply.get("action").asText()).isEqualTo("answer");
            assertThat(reply.get("text").asText()).containsIgnoringCase("Mondays").doesNotContain("error");
        }
    }

    @Test
    void answers_from_the_pages_without_asking_a_rate_limited_provider_until_its_retry_after() {
        // given: the provider refuses the first question and asks for 30 s
        MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
        provider.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "30").withBody("{\"error\":{\"type\":\"rate_limit\"}}")));
        try (TestCouncilbot bot = TestCouncilbot.start(dataDir, llm(), clock)) {
            JsonNode conversation = bot.startConversation();
            JsonNode first = bot.json(bot.say(conversation, "when is recycling collected in Northtown?"));
            assertThat(first.get("text").asText()).containsIgnoringCase("Mondays");
            assertThat(first.at("/why/reason").asText()).contains("answered by extractive");
            streams("Recycling is collected on Mondays in Northtown [1].");

            // when: the next turns come within the 30 s, then after them
            clock.advance(Duration.ofSeconds(29));
            JsonNode waiting = bot.json(bot.say(conversation, "when is recycling collected in Northtown?"));
            int callsWhileWaiting = provider.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions"))).size();
            clock.advance(Duration.ofSeconds(1));
            JsonNode after = bot.json(bot.say(conversation, "when is recycling collected in Northtown?"));

            // then
            assertThat(waiting.get("text").asText()).containsIgnoringCase("Mondays");
            assertThat(waiting.at("/why/reason").asText()).contains("answered by extractive");
            assertThat(callsWhileWaiting).isEqualTo(1);
            assertThat(after.at("/why/reason").asText()).contains("composed by llm:gpt-4o-mini");
            assertThat(provider.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions")))).hasSize(2);
        }
    }

    private Map<String, String> llm() {
        return OpenAiStream.providerAt(provider.baseUrl() + "/v1");
    }

    /** The provider streams {@code answer} in OpenAI's chat-completions format. */
    private void streams(String answer) {
        provider.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withBody(OpenAiStream.answering(answer))));
    }
}
