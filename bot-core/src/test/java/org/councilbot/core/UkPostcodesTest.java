package org.councilbot.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UkPostcodesTest {

    @Test
    void writes_a_whole_postcode_the_usual_way_however_it_was_typed() {
        assertThat(UkPostcodes.normalise("bf12ab")).contains("BF1 2AB");
        assertThat(UkPostcodes.normalise(" BF1  2AB ")).contains("BF1 2AB");
        assertThat(UkPostcodes.normalise("SW1A 1AA")).contains("SW1A 1AA");
        assertThat(UkPostcodes.normalise("I live at BF1 2AB")).isEmpty();
        assertThat(UkPostcodes.normalise("12345")).isEmpty();
    }

    @Test
    void finds_a_postcode_inside_a_message_and_can_take_it_out() {
        assertThat(UkPostcodes.find("when is my recycling collected at bf1 2ab please")).contains("BF1 2AB");
        assertThat(UkPostcodes.find("outside number 12")).isEmpty();
        assertThat(UkPostcodes.without("14 Mill Lane, BF1 2AB").strip()).isEqualTo("14 Mill Lane,");
    }
}
