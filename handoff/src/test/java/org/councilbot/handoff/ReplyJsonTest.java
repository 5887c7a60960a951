package org.councilbot.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.councilbot.core.AttributeOption;
import org.councilbot.core.FormField;
import org.councilbot.core.FormState;
import org.councilbot.core.Action;
import org.councilbot.core.BotReply;
import org.councilbot.core.Citation;
import org.councilbot.core.RankedSource;
import org.councilbot.core.Rationale;
import org.junit.jupiter.api.Test;

class ReplyJsonTest {
    private final ReplyJson json = new ReplyJson();

    @Test
    void writes_snake_case_keys_and_wire_action_names() {
        BotReply reply = new BotReply("Not sure", Action.DONT_KNOW, List.of(),
                List.of(new Citation("Bins", "https://example.gov.uk/bins")), List.of("Talk to a person"),
                new Rationale("question", 0.25, "nothing close", "bins", List.of(
                        new RankedSource("https://example.gov.uk/bins", "Bins", 0.5, 0.25))));

        String written = json.write(reply);

        assertThat(written)
                .contains("\"action\":\"dont_know\"")
                .contains("\"quick_replies\":[\"Talk to a person\"]")
                .contains("\"rationale\":{")
                .contains("\"sources\":[{\"url\":\"https://example.gov.uk/bins\",\"title\":\"Bins\",\"score\":0.5,\"coverage\":0.25}]");
    }

    @Test
    void reads_a_reply_with_keys_it_does_not_know() throws JsonProcessingException {
        // A newer node may have added keys during a rolling upgrade.
        String stored = """
                {"text":"Hello","action":"smalltalk","citations":[],"related":[],"quick_replies":[],
                 "handoff":{"queue":"waste"},
                 "rationale":{"intent":"greeting","confidence":1.0,"reason":"greeting","query":"","sources":[],"model":"x"}}
                """;

        BotReply reply = json.read(stored);

        assertThat(reply).isEqualTo(new BotReply("Hello", Action.SMALLTALK, List.of(), List.of(), List.of(),
                new Rationale("greeting", 1.0, "greeting", "", List.of())));
    }

    @Test
    void round_trips_the_state_of_an_open_form() throws JsonProcessingException {
        FormState form = new FormState("missed-bin", "Missed bin collection", FormState.Stage.COLLECTING,
                Map.of("bin_type", List.of("blue"), "details", List.of()),
                List.of(new FormField("bin_type", "Which bin", "Which bin was missed?", FormField.FieldKind.SINGLE_CHOICE,
                                true, List.of(new AttributeOption("blue", "Blue bin"), new AttributeOption("black", "Black bin"))),
                        new FormField("location", "Where", "Where is it?", FormField.FieldKind.LOCATION, true, List.of())),
                Optional.of("location"), Optional.empty(), Optional.empty());
        BotReply reply = new BotReply("Where is it?", Action.FORM, List.of(), List.of(), List.of("Cancel report"),
                new Rationale("form:missed-bin", 1.0, "continuing", "", List.of()), Optional.of(form));

        assertThat(json.read(json.write(reply))).isEqualTo(reply);
        assertThat(json.write(reply)).contains("\"service_code\":\"missed-bin\"");
    }

    @Test
    void round_trips_scores_that_are_not_finite() throws JsonProcessingException {
        BotReply reply = new BotReply("x", Action.ANSWER, List.of(), List.of(), List.of(),
                new Rationale("q", Double.NaN, "r", "", List.of(
                        new RankedSource("https://example.gov.uk", "t", Double.POSITIVE_INFINITY, -0.0))));

        assertThat(json.read(json.write(reply))).isEqualTo(reply);
    }
}
