package org.councilbot.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Cue phrases plus the exemplar layer on the real MiniLM model, measured on the held-out set.
 *
 * <p>Floor 0.40 and margin 0.03 were chosen by leave-one-out over the exemplars (recall first),
 * not on the held-out set.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExemplarSafeguardingScreenTest {
    private SafeguardingScreen screen;

    @BeforeAll
    void loadModel() {
        screen = SafeguardingScreen.cuePhrasesAndExemplars(new MiniLmTestEmbedder(), 0.40, 0.03);
    }

    @Test
    void catches_indirect_wording_the_cue_phrases_miss_on_the_held_out_set() {
        SafeguardingSets.Score score = SafeguardingSets.score(screen, SafeguardingSets.load("/safeguarding/held-out.jsonl"));
        System.out.println(score.summary("held-out set, cue phrases + exemplars"));
        assertThat(score.recall()).as("missed " + score.missed()).isGreaterThanOrEqualTo(0.85);
        assertThat(score.falseAlarmRate()).as("false alarms " + score.falseAlarms()).isLessThanOrEqualTo(0.10);
    }

    @Test
    void leaves_ordinary_questions_with_alarming_words_alone() {
        for (String ordinary : List.of("this parking fine is killing me", "how do I kill weeds on my allotment",
                "domestic recycling collection day", "my partner is disabled, can we get a blue badge",
                "when is my bin collected")) {
            assertThat(screen.screen(ordinary)).as(ordinary).isEmpty();
        }
    }
}
