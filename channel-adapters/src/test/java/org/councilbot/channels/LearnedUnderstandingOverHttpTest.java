package org.councilbot.channels;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real server reads messages with the trained classifier shipped in councilbot. */
class LearnedUnderstandingOverHttpTest {
    @TempDir
    Path dataDir;

    @Test
    void text_speak_thanks_general_knowledge_and_a_terse_request_for_a_person_are_read_for_what_they_are() {
        try (TestCouncilbot bot = TestCouncilbot.start(dataDir)) {
            JsonNode conversation = bot.startConversation();

            JsonNode thanks = bot.json(bot.say(conversation, "ta v much x"));
            JsonNode trivia = bot.json(bot.say(bot.startConversation(), "what is the capital of france"));
            JsonNode person = bot.json(bot.say(bot.startConversation(), "agent pls"));

            assertThat(thanks.get("action").asText()).isEqualTo("smalltalk");
            assertThat(trivia.get("action").asText()).isEqualTo("out_of_scope");
            assertThat(trivia.get("why").get("reason").asText()).contains("read as general_knowledge");
            assertThat(person.get("action").asText()).isEqualTo("handoff");
        }
    }
}
