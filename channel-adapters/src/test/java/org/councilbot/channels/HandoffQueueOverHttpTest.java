package org.councilbot.channels;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A safeguarding concern puts the conversation at the head of the staff queue, ahead of earlier requests. */
class HandoffQueueOverHttpTest {
    private static final String STAFF_TOKEN = "staff-secret-for-handoffs";

    @TempDir
    Path dataDir;

    @Test
    void staff_see_safeguarding_concerns_first_and_answered_conversations_not_at_all() {
        try (TestCouncilbot bot = TestCouncilbot.start(dataDir, Map.of("COUNCILBOT_STAFF_API_TOKEN", STAFF_TOKEN))) {
            // given: one resident asks for a person, another only asks a question, a third is at risk
            JsonNode person = bot.startConversation();
            assertThat(bot.json(bot.say(person, "can I speak to a real person please")).get("action").asText())
                    .isEqualTo("handoff");
            JsonNode question = bot.startConversation();
            bot.say(question, "when is my bin collected");
            JsonNode atRisk = bot.startConversation();
            assertThat(bot.json(bot.say(atRisk, "my partner hits me and I'm scared to go home")).get("action").asText())
                    .isEqualTo("safeguarding");

            // when
            HttpResponse<String> listed = bot.get("/api/v1/staff/handoffs", STAFF_TOKEN);

            // then
            assertThat(listed.statusCode()).isEqualTo(200);
            JsonNode waiting = bot.json(listed).get("waiting");
            assertThat(waiting).hasSize(2);
            assertThat(waiting.get(0).get("conversation_id").asText()).isEqualTo(atRisk.get("id").asText());
            assertThat(waiting.get(0).get("priority").asText()).isEqualTo("urgent");
            assertThat(waiting.get(0).get("reason").asText()).contains("safeguarding");
            assertThat(waiting.get(1).get("conversation_id").asText()).isEqualTo(person.get("id").asText());
            assertThat(waiting.get(1).get("priority").asText()).isEqualTo("normal");
            assertThat(bot.get("/api/v1/staff/handoffs", "").statusCode()).isEqualTo(401);
            assertThat(bot.json(bot.get("/api/v1/staff/handoffs?limit=0", STAFF_TOKEN)).get("error").asText())
                    .isEqualTo("invalid_limit");
        }
    }
}
