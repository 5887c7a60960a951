package org.councilbot.channels;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.councilbot.core.GeoPoint;
import org.councilbot.core.RequestLocation;
import org.councilbot.core.ResidentContact;
import org.councilbot.core.ServiceRequest;
import org.councilbot.handoff.CouncilDatabase;
import org.councilbot.handoff.CouncilInboxServiceDesk;
import org.councilbot.handoff.DatabaseSettings;
import org.councilbot.handoff.InboxSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A resident reports a missed bin over the API; the form survives a restart and staff see the request. */
class ServiceRequestOverHttpTest {
    private static final Map<String, String> STAFF = Map.of("COUNCILBOT_STAFF_API_TOKEN", "staff-secret-for-tests");

    @TempDir
    Path dataDir;

    @Test
    void a_report_survives_a_restart_and_reaches_the_council_inbox() {
        JsonNode conversation;
        try (TestCouncilbot first = TestCouncilbot.start(dataDir, STAFF)) {
            conversation = first.startConversation();
            JsonNode start = first.json(first.say(conversation, "I want to report a missed bin collection"));
            assertThat(start.get("action").asText()).isEqualTo("form");
            assertThat(start.at("/form/service_code").asText()).isEqualTo("missed-bin");
            assertThat(start.at("/form/current/code").asText()).isEqualTo("bin_type");
            assertThat(start.get("quick_replies")).extracting(JsonNode::asText).contains("Blue recycling bin");
            assertThat(first.json(first.say(conversation, "blue")).at("/form/current/code").asText())
                    .isEqualTo("collection_date");
        }
        try (TestCouncilbot second = TestCouncilbot.start(dataDir, STAFF)) {
            // The form goes on where it was: its state is stored with each reply.
            assertThat(second.json(second.say(conversation, "yesterday")).at("/form/current/code").asText())
                    .isEqualTo("location");
            second.say(conversation, "outside 4 Mill Lane");
            second.say(conversation, "skip");
            JsonNode summary = second.json(second.say(conversation, "skip"));
            assertThat(summary.at("/form/stage").asText()).isEqualTo("confirming");
            JsonNode sent = second.json(second.say(conversation, "yes"));
            assertThat(sent.at("/form/stage").asText()).isEqualTo("submitted");
            assertThat(sent.at("/form/kind").asText()).isEqualTo("report");
            assertThat(sent.at("/form/answers/location/0").asText()).isEqualTo("outside 4 Mill Lane");
            String councilReference = sent.at("/form/council_reference").asText();
            assertThat(councilReference).startsWith("TV-");
            assertThat(sent.get("text").asText()).contains(councilReference);

            JsonNode status = second.json(second.say(second.startConversation(),
                    "what's happening with my report " + councilReference + "?"));
            assertThat(status.get("action").asText()).isEqualTo("lookup");
            assertThat(status.get("text").asText()).contains("Report " + councilReference + " is open");

            HttpResponse<String> listed = second.get("/api/v1/staff/requests", "staff-secret-for-tests");
            assertThat(listed.statusCode()).isEqualTo(200);
            JsonNode request = second.json(listed).get("requests").get(0);
            assertThat(request.get("council_reference").asText()).isEqualTo(councilReference);
            assertThat(request.at("/request/service_code").asText()).isEqualTo("missed-bin");
            assertThat(request.at("/request/answers/bin_type/0").asText()).isEqualTo("blue");
            assertThat(request.at("/request/location/description").asText()).isEqualTo("outside 4 Mill Lane");
            assertThat(request.at("/request/location/point").isNull()).as("a place described in words").isTrue();
        }
    }

    @Test
    void staff_see_the_point_of_an_address_picked_from_the_gazetteer() {
        // given: a request at a picked address already in the inbox
        String reference;
        try (CouncilDatabase database = CouncilDatabase.open(DatabaseSettings.embedded(dataDir.resolve("db")))) {
            ServiceRequest request = new ServiceRequest("CB-P1", "missed-bin", Map.of("bin_type", List.of("blue")),
                    new RequestLocation("12 Mill Lane, Brackenford, BF1 2AB", "BF1 2AB", "100090000012",
                            Optional.of(new GeoPoint(52.0512, -0.7311))),
                    "", ResidentContact.none(), "conv-p1", Instant.parse("2026-10-05T09:00:00Z"));
            reference = CouncilInboxServiceDesk.create(database, new InboxSettings("TV"), Clock.systemUTC()).submit(request);
        }

        try (TestCouncilbot bot = TestCouncilbot.start(dataDir, STAFF)) {
            // when
            HttpResponse<String> shown = bot.get("/api/v1/staff/requests/" + reference, "staff-secret-for-tests");

            // then
            assertThat(shown.statusCode()).isEqualTo(200);
            JsonNode location = bot.json(shown).at("/request/location");
            assertThat(location.get("uprn").asText()).isEqualTo("100090000012");
            assertThat(location.at("/point/lat").asDouble()).isEqualTo(52.0512);
            assertThat(location.at("/point/long").asDouble()).isEqualTo(-0.7311);
        }
    }

    @Test
    void the_staff_api_refuses_residents_tokens_and_missing_tokens() {
        try (TestCouncilbot bot = TestCouncilbot.start(dataDir, STAFF)) {
            JsonNode conversation = bot.startConversation();
            HttpResponse<String> resident = bot.get("/api/v1/staff/requests", conversation.get("token").asText());
            assertThat(resident.statusCode()).isEqualTo(403);
            assertThat(bot.json(resident).get("error").asText()).isEqualTo("wrong_token");
            assertThat(bot.get("/api/v1/staff/requests", "").statusCode()).isEqualTo(401);
            assertThat(bot.json(bot.get("/api/v1/staff/requests?size=500", "staff-secret-for-tests"))
                    .get("error").asText()).isEqualTo("invalid_size");
        }
    }
}
