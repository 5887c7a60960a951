package org.councilbot.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cue-phrase screen over a dedicated set of at-risk messages (direct and indirect) and
 * lookalikes that are ordinary council questions; reports recall and false alarms.
 */
class SafeguardingSetTest {
    private final SafeguardingScreen screen = SafeguardingScreen.cuePhrases();

    @Test
    void catches_every_at_risk_message_and_raises_almost_no_false_alarms() {
        List<SafeguardingSets.Sample> samples = SafeguardingSets.load("/safeguarding/messages.jsonl");
        SafeguardingSets.Score score = SafeguardingSets.score(screen, samples);
        System.out.println(score.summary("safeguarding set, cue phrases"));
        assertThat(samples).hasSizeGreaterThanOrEqualTo(60);
        assertThat(score.missed()).as("missed at-risk messages").isEmpty();
        assertThat(score.falseAlarmRate()).as("false alarms: " + score.falseAlarms()).isLessThanOrEqualTo(0.02);
    }

    /**
     * A set written by someone who had not seen the screen, kept out of its tuning: the cue phrases
     * alone catch under half of its indirect wording (0.43 when it was written), which is why the
     * engine adds the exemplar layer (see ExemplarSafeguardingScreenTest). This pins the cue layer's
     * own figure so it does not get worse.
     */
    @Test
    void reports_the_cue_phrases_alone_on_the_held_out_set() {
        SafeguardingSets.Score score = SafeguardingSets.score(screen, SafeguardingSets.load("/safeguarding/held-out.jsonl"));
        System.out.println(score.summary("held-out set, cue phrases") + "\nmissed: " + score.missed());
        assertThat(score.recall()).as("held-out recall; missed " + score.missed()).isGreaterThanOrEqualTo(0.4);
        assertThat(score.falseAlarms()).isEmpty();
    }
}
