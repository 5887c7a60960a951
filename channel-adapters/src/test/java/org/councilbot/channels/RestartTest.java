package org.councilbot.channels;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Conversations live in the embedded database, so a restart loses none of them. */
class RestartTest {
    @TempDir
    Path dataDir;

    @Test
    void a_restarted_server_keeps_conversations_and_continues_them() {
        JsonNode conversation;
        try (TestCouncilbot first = TestCouncilbot.start(dataDir)) {
            conversation = first.startConversation();
            assertThat(first.say(conversation, "hello").statusCode()).isEqualTo(200);
        }
        try (TestCouncilbot second = TestCouncilbot.start(dataDir)) {
            assertThat(second.say(conversation, "how do I pay council tax").statusCode()).isEqualTo(200);
            JsonNode turns = second.json(second.get("/api/v1/conversations/" + conversation.get("id").asText(),
                    conversation.get("token").asText())).get("turns");
            assertThat(turns).extracting(turn -> turn.get("resident_text").asText())
                    .containsExactly("hello", "how do I pay council tax");
            assertThat(turns.get(1).get("sequence").asInt()).isEqualTo(2);
        }
    }
}
