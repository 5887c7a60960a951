package org.councilbot.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FormFieldsHintTest {

    @Test
    void a_date_question_shows_what_a_resident_can_say_instead_of_a_format_name() {
        assertThat(FormFields.residentHint(attribute(AttributeDatatype.DATETIME, "What date should your bin have been collected?",
                "The date your bin should have been collected (ISO 8601).")))
                .isEqualTo(" (You can say a date like yesterday, last Tuesday or 12 March.)");
        assertThat(FormFields.residentHint(attribute(AttributeDatatype.DATETIME, "When did it start?", "YYYY-MM-DD")))
                .isEqualTo(" (You can say a date like yesterday, last Tuesday or 12 March.)");
    }

    @Test
    void keeps_a_hint_that_says_something_the_question_does_not() {
        assertThat(FormFields.residentHint(attribute(AttributeDatatype.STRING, "What is the lamp post number?",
                "The number on the lamp post plate, if visible."))).isEqualTo(" (The number on the lamp post plate, if visible.)");
        assertThat(FormFields.residentHint(attribute(AttributeDatatype.DATETIME, "When did the noise start?",
                "Date first noticed, ISO 8601."))).isEqualTo(" (Date first noticed.)");
    }

    @Test
    void shows_no_hint_when_the_catalogue_gives_none() {
        assertThat(FormFields.residentHint(attribute(AttributeDatatype.STRING, "What colour is the car?", ""))).isEmpty();
    }

    private static ServiceAttribute attribute(AttributeDatatype datatype, String question, String hint) {
        return new ServiceAttribute("code", datatype, true, question, hint, 1, true, List.of());
    }
}
