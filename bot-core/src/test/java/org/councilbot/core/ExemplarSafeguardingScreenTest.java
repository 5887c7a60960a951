package org.councilbot.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Cue phrases plus the exemplar layer on the real MiniLM model, measured on three sets written
 * without sight of the screen.
 *
 * <p>Floor 0.40 and margin 0.03 were chosen by leave-one-out over the exemplars (recall first),
 * not on these sets. Sets 2 and 3 were written later by people who had not seen the screen: at
 * first reading it caught 0.625 of set 2's risks and 0.545 of set 3's. The cue phrases and
 * exemplars were then extended by category (means gathered, coercive control told in its
 * effects, threats to others, rough sleeping with a risk to life, signs of someone not seen),
 * from set 2's misses first (set 3 then read 0.691, still unseen) and then set 3's; so all three
 * are regression sets now, not measures of unseen wording.
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
        assertThat(score.recall()).as("missed " + score.missed()).isGreaterThanOrEqualTo(0.95);
        assertThat(score.falseAlarmRate()).as("false alarms " + score.falseAlarms()).isLessThanOrEqualTo(0.10);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"/safeguarding/held-out-2.jsonl", "/safeguarding/held-out-3.jsonl"})
    void keeps_the_risks_of_the_later_sets_caught_including_those_told_in_passing(String set) {
        SafeguardingSets.Score score = SafeguardingSets.score(screen, SafeguardingSets.load(set));
        System.out.println(score.summary(set + ", cue phrases + exemplars"));
        assertThat(score.recall()).as("missed " + score.missed()).isGreaterThanOrEqualTo(0.95);
        assertThat(score.falseAlarmRate()).as("false alarms " + score.falseAlarms()).isLessThanOrEqualTo(0.05);
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
