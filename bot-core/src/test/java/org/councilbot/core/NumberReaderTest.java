package org.councilbot.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class NumberReaderTest {
    private static final Optional<NumberReader.Unit> MILLIMETRES = NumberReader.unitOf("depth_mm",
            "Roughly how deep is the pothole? (Approximate depth.)");

    @Test
    void finds_the_unit_of_a_question_from_its_code_or_its_wording() {
        assertThat(MILLIMETRES).contains(NumberReader.Unit.MILLIMETRES);
        assertThat(NumberReader.unitOf("width", "How wide is it, in centimetres?")).contains(NumberReader.Unit.CENTIMETRES);
        assertThat(NumberReader.unitOf("lights_affected", "How many lights in a row are affected?")).isEmpty();
    }

    @Test
    void converts_a_length_said_in_another_unit_to_the_questions_unit() {
        // Regression: "about 5cm" was stored as depth_mm 5.
        assertThat(NumberReader.read("about 5cm deep", MILLIMETRES)).contains("50");
        assertThat(NumberReader.read("maybe 40 cm across", MILLIMETRES)).contains("400");
        assertThat(NumberReader.read("1.5 metres", MILLIMETRES)).contains("1500");
        assertThat(NumberReader.read("250mm", MILLIMETRES)).contains("250");
        assertThat(NumberReader.read("about 30", MILLIMETRES)).contains("30");
        assertThat(NumberReader.read("half a metre", MILLIMETRES)).contains("500");
        assertThat(NumberReader.read("two foot wide", MILLIMETRES)).contains("610");
    }

    @Test
    void reads_numbers_in_words() {
        // Regression: "three in a row" was rejected.
        assertThat(NumberReader.read("three in a row", Optional.empty())).contains("3");
        assertThat(NumberReader.read("a dozen or so", Optional.empty())).contains("12");
        assertThat(NumberReader.read("twenty-five", Optional.empty())).contains("25");
        assertThat(NumberReader.read("a couple of them", Optional.empty())).contains("2");
        assertThat(NumberReader.read("one hundred and twenty", Optional.empty())).contains("120");
        assertThat(NumberReader.read("ten centimetres", MILLIMETRES)).contains("100");
    }

    @Test
    void finds_no_number_where_there_is_none() {
        assertThat(NumberReader.read("about the size of a dinner plate", MILLIMETRES)).isEmpty();
    }
}
