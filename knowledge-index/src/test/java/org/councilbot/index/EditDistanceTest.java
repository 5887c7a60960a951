package org.councilbot.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EditDistanceTest {

    @ParameterizedTest(name = "{0} / {1}: {2}")
    @CsvSource({"bin, bin, 0", "recyl, recycl, 1", "singel, singl, 1", "form, from, 1", "parkin, park, 2",
            "kitten, sitting, 3", "'', abc, 3"})
    void counts_insertions_deletions_substitutions_and_swaps(String a, String b, int expected) {
        assertThat(EditDistance.between(a, b)).isEqualTo(expected);
        assertThat(EditDistance.between(b, a)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} / {1}: {2}")
    @CsvSource({"wen, when, true", "wat, what, true", "hwo, how, true", "whre, where, true",
            "car, can, false", "when, when, false", "wn, when, false", "hw, what, false"})
    void sees_one_dropped_added_or_swapped_letter_as_a_slip_but_not_a_wrong_letter(String a, String b,
                                                                                  boolean expected) {
        assertThat(EditDistance.isOneSlip(a, b)).isEqualTo(expected);
        assertThat(EditDistance.isOneSlip(b, a)).isEqualTo(expected);
    }
}
