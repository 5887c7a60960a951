package org.councilbot.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionMeaningTest {
    private static final List<AttributeOption> DUMPED = List.of(new AttributeOption("bags", "Black bags"),
            new AttributeOption("furniture", "Furniture or mattresses"), new AttributeOption("tyres", "Tyres"),
            new AttributeOption("other", "Something else"));
    // Unit vectors standing in for a sentence model: "a sofa" points at furniture; "the verge" lies
    // between tyres and bags; "anything" is nearest the catch-all.
    private static final Map<String, float[]> VECTORS = Map.of(
            "Black bags", new float[] {1, 0, 0, 0},
            "Furniture or mattresses", new float[] {0, 1, 0, 0},
            "Tyres", new float[] {0, 0, 1, 0},
            "Something else", new float[] {0, 0, 0, 1},
            "a sofa", unit(0.1f, 0.9f, 0.1f, 0),
            "on the grass verge", unit(0.5f, 0, 0.6f, 0),
            "anything", unit(0, 0.2f, 0, 0.9f));
    private final OptionMeaning meaning = new OptionMeaning(text -> VECTORS.get(text));

    @Test
    void reads_an_answer_that_clearly_means_one_option() {
        assertThat(meaning.closest(DUMPED, "a sofa")).get().extracting(AttributeOption::key).isEqualTo("furniture");
    }

    @Test
    void asks_again_rather_than_guess_between_two_close_options() {
        assertThat(meaning.closest(DUMPED, "on the grass verge")).isEmpty();
    }

    @Test
    void never_chooses_a_catch_all_or_a_yes_or_no_by_meaning() {
        assertThat(meaning.closest(DUMPED, "anything")).isNotEqualTo(java.util.Optional.of(DUMPED.get(3)));
        List<AttributeOption> yesNo = List.of(new AttributeOption("yes", "Yes"), new AttributeOption("no", "No"));
        assertThat(meaning.closest(yesNo, "a sofa")).isEmpty();
    }

    private static float[] unit(float... values) {
        double norm = 0;
        for (float value : values) {
            norm += value * value;
        }
        float[] unit = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            unit[i] = (float) (values[i] / Math.sqrt(norm));
        }
        return unit;
    }
}
