package org.councilbot.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.councilbot.core.AttributeOption;
import org.councilbot.core.FormField;
import org.councilbot.core.FormState;
import org.councilbot.core.GeoPoint;
import org.councilbot.core.PropertyAddress;
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
                        new FormField("@location", "Where", "Where is it?", FormField.FieldKind.LOCATION, true, List.of())),
                Optional.of("@location"), Optional.empty(), Optional.empty());
        BotReply reply = new BotReply("Where is it?", Action.FORM, List.of(), List.of(), List.of("Cancel report"),
                new Rationale("form:missed-bin", 1.0, "continuing", "", List.of()), Optional.of(form));

        assertThat(json.read(json.write(reply))).isEqualTo(reply);
        assertThat(json.write(reply)).contains("\"service_code\":\"missed-bin\"");
    }

    @Test
    void round_trips_a_lookup_with_addresses_offered_and_a_form_with_a_switch_offered() throws JsonProcessingException {
        FormState lookup = new FormState("bin-collections", "Bin collection days", FormState.Stage.COLLECTING, Map.of(),
                List.of(new FormField("@location", "Address", "What's your postcode?", FormField.FieldKind.LOCATION,
                        true, List.of())), Optional.of("@location"), Optional.empty(), Optional.empty(),
                FormState.Kind.LOOKUP, Optional.of(new FormState.AddressChoice("BF1 2AB", List.of(
                        new PropertyAddress("100001", "1 Mill Lane, Brackenford, BF1 2AB", "BF1 2AB",
                                Optional.of(new GeoPoint(52.1, -1.2))),
                        new PropertyAddress("100002", "2 Mill Lane, Brackenford, BF1 2AB", "BF1 2AB",
                                Optional.empty())))), Optional.empty());
        FormState switching = new FormState("litter-bin", "Litter bin", FormState.Stage.COLLECTING,
                Map.of("bin_kind", List.of("litter")), List.of(), Optional.of("problem"), Optional.empty(),
                Optional.empty(), FormState.Kind.REPORT, Optional.empty(), Optional.of("fly-tipping"));

        for (FormState form : List.of(lookup, switching)) {
            BotReply reply = new BotReply("Which one?", Action.LOOKUP, List.of(), List.of(), List.of(),
                    new Rationale("lookup", 1.0, "continuing", "", List.of()), Optional.of(form));
            assertThat(json.read(json.write(reply))).isEqualTo(reply);
        }
        assertThat(json.write(new BotReply("x", Action.LOOKUP, List.of(), List.of(), List.of(),
                new Rationale("lookup", 1.0, "r", "", List.of()), Optional.of(lookup))))
                .contains("\"kind\":\"LOOKUP\"").contains("\"single_line\":\"1 Mill Lane, Brackenford, BF1 2AB\"");
    }

    @Test
    void reads_a_form_stored_before_the_standard_questions_had_prefixed_codes() throws JsonProcessingException {
        // Written by the previous version: no kind, address choice or offer; standard codes unprefixed.
        String stored = """
                {"text":"Anything else?","action":"form","citations":[],"related":[],"quick_replies":[],
                 "rationale":{"intent":"form:pothole","confidence":1.0,"reason":"continuing","query":"","sources":[]},
                 "form":{"service_code":"pothole","service_name":"Pothole","stage":"COLLECTING",
                  "answers":{"depth_mm":["50"],"location":["Mill Lane",""]},
                  "fields":[{"code":"depth_mm","label":"Depth","question":"How deep?","kind":"NUMBER","required":false,"options":[]},
                   {"code":"location","label":"Where","question":"Where is it?","kind":"LOCATION","required":true,"options":[]},
                   {"code":"details","label":"Anything else","question":"Anything else?","kind":"TEXT","required":false,"options":[]}],
                  "current":"details","reference":null,"council_reference":null}}
                """;

        FormState form = json.read(stored).form().orElseThrow();

        assertThat(form.kind()).isEqualTo(FormState.Kind.REPORT);
        assertThat(form.fields()).extracting(FormField::code).containsExactly("depth_mm", "@location", "@details");
        assertThat(form.answers()).isEqualTo(Map.of("depth_mm", List.of("50"), "@location", List.of("Mill Lane", "")));
        assertThat(form.current()).contains("@details");
        assertThat(form.addressChoice()).isEmpty();
        assertThat(form.offeredService()).isEmpty();
    }

    @Test
    void round_trips_scores_that_are_not_finite() throws JsonProcessingException {
        BotReply reply = new BotReply("x", Action.ANSWER, List.of(), List.of(), List.of(),
                new Rationale("q", Double.NaN, "r", "", List.of(
                        new RankedSource("https://example.gov.uk", "t", Double.POSITIVE_INFINITY, -0.0))));

        assertThat(json.read(json.write(reply))).isEqualTo(reply);
    }
}
