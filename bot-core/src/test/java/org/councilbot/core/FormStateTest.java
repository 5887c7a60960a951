package org.councilbot.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FormStateTest {
    private static final FormField DETAILS_ATTRIBUTE = new FormField("details", "Describe the noise",
            "Describe the noise.", FormField.FieldKind.TEXT, false, List.of());

    @Test
    void names_the_standard_answers_plainly_unless_an_attribute_has_that_code() {
        List<FormField> fields = FormFields.of(new ServiceDefinition("noise", "Noise", "", "", List.of(), List.of(
                new ServiceAttribute("details", AttributeDatatype.TEXT, false, "Describe the noise.", "", 1, true,
                        List.of()))));
        FormState state = new FormState("noise", "Noise", FormState.Stage.CONFIRMING, Map.of("details", List.of("loud"),
                FormFields.LOCATION, List.of("1 Elm Road", ""), FormFields.CONTACT, List.of("jo@example.com")),
                fields, Optional.empty(), Optional.empty(), Optional.empty());

        assertThat(state.namedAnswers()).containsExactly(Map.entry("details", List.of("loud")),
                Map.entry("location", List.of("1 Elm Road", "")), Map.entry("contact", List.of("jo@example.com")));
    }

    @Test
    void keeps_the_prefix_of_a_standard_answer_whose_plain_name_an_attribute_uses() {
        List<FormField> fields = FormFields.of(new ServiceDefinition("graffiti", "Graffiti", "", "", List.of(), List.of(
                new ServiceAttribute("location", AttributeDatatype.SINGLEVALUELIST, true, "What is it on?", "", 1, true,
                        List.of(new AttributeOption("wall", "A wall"))))));
        FormState state = new FormState("graffiti", "Graffiti", FormState.Stage.CONFIRMING,
                Map.of("location", List.of("wall"), FormFields.LOCATION, List.of("Mill Lane", "")), fields,
                Optional.empty(), Optional.empty(), Optional.empty());

        assertThat(fields).extracting(FormField::code).containsExactly("location", "@location", "@details", "@contact",
                "@consent");
        assertThat(state.namedAnswers()).containsExactly(Map.entry("location", List.of("wall")),
                Map.entry("@location", List.of("Mill Lane", "")));
    }

    @Test
    void reads_a_form_stored_before_the_standard_codes_had_their_prefix() {
        // Stored by earlier versions: the standard questions came last with plain codes, and a
        // catalogue "details" attribute shared its answer with the standard one.
        FormState stored = new FormState("noise", "Noise", FormState.Stage.COLLECTING,
                Map.of("details", List.of("loud music"), "location", List.of("1 Elm Road", "")),
                List.of(DETAILS_ATTRIBUTE,
                        new FormField("location", "Where", "Where is it?", FormField.FieldKind.LOCATION, true, List.of()),
                        new FormField("details", "Anything else", "Anything else?", FormField.FieldKind.TEXT, false,
                                List.of()),
                        new FormField("contact", "Contact details", "Email?", FormField.FieldKind.CONTACT, false,
                                List.of()),
                        new FormField("consent", "Contact allowed", "May we?", FormField.FieldKind.YES_NO, true,
                                List.of())),
                Optional.of("contact"), Optional.empty(), Optional.empty());

        FormState upgraded = FormState.upgraded(stored);

        assertThat(upgraded.fields()).extracting(FormField::code)
                .containsExactly("details", "@location", "@details", "@contact", "@consent");
        assertThat(upgraded.answers()).isEqualTo(Map.of("details", List.of("loud music"),
                "@location", List.of("1 Elm Road", "")));
        assertThat(upgraded.current()).contains("@contact");
        assertThat(FormState.upgraded(upgraded)).isEqualTo(upgraded);
    }
}
