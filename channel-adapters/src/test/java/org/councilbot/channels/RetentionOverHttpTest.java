package org.councilbot.channels;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.councilbot.core.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the server keeps of conversations under the default retention settings, and what it never touches. */
class RetentionOverHttpTest {
    private static final String STAFF_TOKEN = "staff-secret-for-tests";
    private static final Map<String, String> STAFF = Map.of("COUNCILBOT_STAFF_API_TOKEN", STAFF_TOKEN);
    private static final String EMAIL = "jo.bloggs@example.org";

    @TempDir
    Path dataDir;

    private static String transcript(TestCouncilbot bot, JsonNode conversation) {
        HttpResponse<String> response = bot.get("/api/v1/conversations/" + conversation.get("id").asText(),
                conversation.get("token").asText());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    @Test
    void stores_the_transcript_redacted_while_the_council_gets_the_residents_details() {
        try (TestCouncilbot bot = TestCouncilbot.start(dataDir, STAFF)) {
            // given: a resident reports a missed bin and leaves an email address
            JsonNode conversation = bot.startConversation();
            for (String text : new String[] {"I want to report a missed bin collection", "blue", "yesterday",
                    "outside 4 Mill Lane, BF1 2AB", "skip", EMAIL, "yes"}) {
                assertThat(bot.say(conversation, text).statusCode()).isEqualTo(200);
            }
            JsonNode summary = bot.json(bot.say(conversation, "yes"));

            // when
            String transcript = transcript(bot, conversation);

            // then: the resident saw their details, the stored transcript does not hold them
            assertThat(summary.at("/form/stage").asText()).isEqualTo("submitted");
            assertThat(transcript).doesNotContain(EMAIL).doesNotContain("BF1 2AB")
                    .contains("\"resident_text\":\"[email]\"").contains("outside 4 Mill Lane, [postcode]");
            JsonNode request = bot.json(bot.get("/api/v1/staff/requests", STAFF_TOKEN)).get("requests").get(0);
            assertThat(request.at("/request/contact/email").asText()).isEqualTo(EMAIL);
            assertThat(request.at("/request/location/description").asText()).isEqualTo("outside 4 Mill Lane, BF1 2AB");
        }
    }

    @Test
    void keeps_the_transcript_as_written_when_the_council_turns_redaction_off() {
        Map<String, String> environment = Map.of("COUNCILBOT_RETENTION_REDACT_PERSONAL_DATA", "false");
        try (TestCouncilbot bot = TestCouncilbot.start(dataDir, environment)) {
            JsonNode conversation = bot.startConversation();
            bot.say(conversation, "I'm " + EMAIL + ", when is recycling collected?");

            assertThat(transcript(bot, conversation)).contains("I'm " + EMAIL + ", when is recycling collected?");
        }
    }

    @Test
    void deletes_idle_conversations_when_the_server_starts_but_keeps_their_requests() throws Exception {
        // given: a report made on 1 March, and the server started again 91 days later
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        JsonNode conversation;
        String councilReference;
        try (TestCouncilbot bot = TestCouncilbot.start(dataDir, STAFF, clock)) {
            conversation = bot.startConversation();
            for (String text : new String[] {"I want to report a missed bin collection", "blue", "yesterday",
                    "outside 4 Mill Lane", "skip", "skip"}) {
                bot.say(conversation, text);
            }
            councilReference = bot.json(bot.say(conversation, "yes")).at("/form/council_reference").asText();
        }
        clock.advance(Duration.ofDays(91));
        try (TestCouncilbot bot = TestCouncilbot.start(dataDir, STAFF, clock)) {
            JsonNode recent = bot.startConversation();
            bot.say(recent, "hello");

            // when: the purge that runs at start has had its chance (it runs in the background)
            String path = "/api/v1/conversations/" + conversation.get("id").asText();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (bot.get(path, conversation.get("token").asText()).statusCode() == 200
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }

            // then
            assertThat(bot.get(path, conversation.get("token").asText()).statusCode()).isEqualTo(404);
            assertThat(transcript(bot, recent)).contains("\"resident_text\":\"hello\"");
            HttpResponse<String> request = bot.get("/api/v1/staff/requests/" + councilReference, STAFF_TOKEN);
            assertThat(request.statusCode()).isEqualTo(200);
            assertThat(bot.json(request).at("/request/service_code").asText()).isEqualTo("missed-bin");
        }
    }
}
