package org.councilbot.channels;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The chat page shows an LLM answer growing as it streams, then the reply in its place; a stream
 * that breaks off is withdrawn and the answer from the pages takes its place. The provider is a
 * WireMock stub that dribbles its stream out over a few seconds.
 */
class StreamedDraftBrowserTest {
    private static final String RECYCLING_PAGE = "https://www.testvale.example.gov.uk/bins/recycling-collections";
    private static final String FIRST = "Your recycling goes out every other week.";
    private static final String SECOND = "In Northtown it is collected on Mondays.";
    private static final String THIRD = "Blue bins take paper, cardboard, cans and plastic bottles.";
    private static final String QUESTION = "when is recycling collected in Northtown?";

    @TempDir
    static Path dataDir;
    private static HeadlessChromium chromium;
    private static WireMockServer provider;
    private static TestCouncilbot bot;

    @BeforeAll
    static void start() throws Exception {
        chromium = HeadlessChromium.start(dataDir);
        provider = new WireMockServer(wireMockConfig().dynamicPort());
        provider.start();
        bot = TestCouncilbot.start(dataDir, Map.of("COUNCILBOT_LLM_PROVIDER", "openai",
                "COUNCILBOT_LLM_BASE_URL", provider.baseUrl() + "/v1", "COUNCILBOT_LLM_API_KEY", "sk-test",
                "COUNCILBOT_LLM_MODEL", "gpt-4o-mini", "COUNCILBOT_LLM_TIMEOUT", "30s"));
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (bot != null) {
            bot.close();
        }
        if (provider != null) {
            provider.stop();
        }
    }

    @BeforeEach
    void forgetStubs() {
        provider.resetAll();
    }

    /** The provider sends {@code body} in 30 pieces spread over {@code millis}. */
    private static void dribbles(String body, int millis) {
        provider.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withBody(body).withChunkedDribbleDelay(30, millis)));
    }

    private static String withCitations(String... sentences) {
        StringBuilder answer = new StringBuilder();
        for (String sentence : sentences) {
            answer.append(answer.isEmpty() ? "" : " ").append(sentence, 0, sentence.length() - 1).append(" [1].");
        }
        return answer.toString();
    }

    @Test
    void the_draft_grows_sentence_by_sentence_and_the_reply_takes_its_place() {
        // given
        dribbles(OpenAiStream.answering(withCitations(FIRST, SECOND, THIRD)), 6000);
        ChatPage page = chromium.open(bot);

        // when
        page.ask(QUESTION);

        // then: one checked sentence, then two, each while no reply has arrived
        WebElement draft = page.waitUntil("the first sentence as a draft", page.draftReading(FIRST));
        assertThat(page.replies()).isEmpty();
        page.waitUntil("the first two sentences as a draft", page.draftReading(FIRST + " " + SECOND));
        assertThat(page.replies()).isEmpty();

        // and then the reply, in the draft's place, with its source
        WebElement reply = page.waitUntil("the reply", page.reply(1));
        assertThat(reply).isEqualTo(draft);
        assertThat(reply.getAttribute("data-action")).isEqualTo("answer");
        assertThat(reply.getAttribute("class")).isEqualTo("bot");
        assertThat(reply.getText()).startsWith(FIRST + " " + SECOND + " " + THIRD);
        WebElement source = reply.findElement(By.cssSelector(".sources a"));
        assertThat(source.getAttribute("href")).isEqualTo(RECYCLING_PAGE);
        assertThat(source.getText()).isEqualTo("Source: Recycling collections");
        assertThat(page.botItems()).hasSize(1);
    }

    @Test
    void a_stream_that_breaks_off_is_withdrawn_and_the_answer_from_the_pages_takes_its_place() {
        // given: the provider sends one sentence and a half, then its connection drops
        dribbles(OpenAiStream.cutOff(withCitations(FIRST) + " In Northtown it"), 3000);
        ChatPage page = chromium.open(bot);

        // when
        page.ask(QUESTION);

        // then
        WebElement draft = page.waitUntil("the first sentence as a draft", page.draftReading(FIRST));
        WebElement reply = page.waitUntil("the reply", page.reply(1));
        assertThat(reply).isEqualTo(draft);
        assertThat(reply.getAttribute("data-draft")).isEqualTo("withdrawn");
        assertThat(reply.getAttribute("data-action")).isEqualTo("answer");
        assertThat(reply.getText()).containsIgnoringCase("Mondays in Northtown").doesNotContain(FIRST)
                .doesNotContain("Checking the council");
        assertThat(reply.findElement(By.cssSelector(".sources a")).getAttribute("href")).isEqualTo(RECYCLING_PAGE);
        assertThat(page.botItems()).hasSize(1);
    }
}
