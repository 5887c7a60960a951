package org.councilbot.channels;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The web API over HTTP against the real server on port 0. */
class ConversationsApiTest extends RunningCouncilbot {
    private static final String RECYCLING = "https://www.testvale.example.gov.uk/bins/recycling-collections";

    @Test
    void starts_a_conversation_with_an_id_and_an_unguessable_token() {
        HttpResponse<String> response = bot.post("/api/v1/conversations", "{\"channel\":\"web\"}", "application/json", "");
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
        JsonNode body = bot.json(response);
        assertThat(body.get("id").asText()).hasSizeGreaterThanOrEqualTo(22);
        assertThat(body.get("token").asText()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(response.headers().firstValue("Location")).contains("/api/v1/conversations/" + body.get("id").asText());
    }

    @Test
    void answers_a_recycling_question_citing_the_recycling_page() {
        JsonNode conversation = bot.startConversation();
        HttpResponse<String> response = bot.say(conversation, "when is my recycling collected?");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode reply = bot.json(response);
        assertThat(reply.get("action").asText()).isEqualTo("answer");
        assertThat(reply.get("text").asText()).containsIgnoringCase("Mondays");
        assertThat(reply.get("citations").get(0).get("url").asText()).isEqualTo(RECYCLING);
        assertThat(reply.get("citations").get(0).get("title").asText()).isEqualTo("Recycling collections");
        assertThat(reply.get("quick_replies").isArray()).isTrue();
        assertThat(reply.has("form")).isTrue();
        assertThat(reply.get("form").isNull()).isTrue();
        assertThat(reply.get("handoff").isNull()).isTrue();
        assertThat(reply.get("why").get("sources").get(0).get("url").asText()).isEqualTo(RECYCLING);
    }

    @Test
    void greets_with_smalltalk_and_suggested_topics() {
        JsonNode reply = bot.json(bot.say(bot.startConversation(), "hello"));
        assertThat(reply.get("action").asText()).isEqualTo("smalltalk");
        assertThat(reply.get("text").asText()).contains("Testvale Borough Council");
        assertThat(reply.get("quick_replies")).extracting(JsonNode::asText).contains("Bin day");
    }

    @Test
    void says_it_does_not_know_and_offers_a_person_for_an_uncovered_question() {
        JsonNode reply = bot.json(bot.say(bot.startConversation(), "can I get a licence for a street party"));
        assertThat(reply.get("action").asText()).isEqualTo("dont_know");
        assertThat(reply.get("text").asText()).contains("01632 960100");
        assertThat(reply.get("citations")).isEmpty();
        assertThat(reply.get("quick_replies")).extracting(JsonNode::asText).contains("Talk to a person");
    }

    @Test
    void declines_a_national_service_and_says_what_it_can_help_with() {
        JsonNode reply = bot.json(bot.say(bot.startConversation(), "how do I renew my passport"));
        assertThat(reply.get("action").asText()).isEqualTo("out_of_scope");
        assertThat(reply.get("text").asText()).contains("GOV.UK").contains("Testvale Borough Council services");
    }

    @Test
    void keeps_the_transcript_of_a_conversation() {
        JsonNode conversation = bot.startConversation();
        bot.say(conversation, "hello");
        bot.say(conversation, "single person discount");
        HttpResponse<String> response = bot.get("/api/v1/conversations/" + conversation.get("id").asText(),
                conversation.get("token").asText());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode turns = bot.json(response).get("turns");
        assertThat(turns).hasSize(2);
        assertThat(turns.get(1).get("resident_text").asText()).isEqualTo("single person discount");
        assertThat(turns.get(1).get("reply").get("text").asText()).contains("25%");
    }

    @Test
    void serves_the_chat_page_with_a_content_security_policy() {
        HttpResponse<String> response = bot.get("/", "");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<form id=\"ask\"");
        assertThat(response.headers().firstValue("Content-Security-Policy")).get().asString().contains("default-src 'self'");
        assertThat(bot.get("/chat.js", "").statusCode()).isEqualTo(200);
    }

    @Test
    void tells_the_page_the_councils_name_and_contact_details() {
        HttpResponse<String> response = bot.get("/api/v1/council", "");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode council = bot.json(response);
        assertThat(council.get("name").asText()).isEqualTo("Testvale Borough Council");
        assertThat(council.get("contact_phone").asText()).isEqualTo("01632 960100");
    }

    @Test
    void reports_health_when_ready() {
        HttpResponse<String> response = bot.get("/observe/health", "");
        assertThat(response.statusCode()).isIn(200, 204);
    }
}
