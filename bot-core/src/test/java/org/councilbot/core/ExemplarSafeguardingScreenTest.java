package org.councilbot.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
    private record Sample(String text, boolean risk) {}

    private SafeguardingScreen screen;

    @BeforeAll
    void loadModel() {
        screen = SafeguardingScreen.cuePhrasesAndExemplars(new MiniLmTestEmbedder(), 0.40, 0.03);
    }

    @Test
    void catches_indirect_wording_the_cue_phrases_miss_on_the_held_out_set() throws IOException {
        List<Sample> samples = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("/safeguarding/held-out.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    samples.add(new ObjectMapper().readValue(line, Sample.class));
                }
            }
        }
        List<String> missed = new ArrayList<>();
        List<String> falseAlarms = new ArrayList<>();
        for (Sample sample : samples) {
            boolean flagged = screen.screen(sample.text()).isPresent();
            if (sample.risk() && !flagged) {
                missed.add(sample.text());
            } else if (!sample.risk() && flagged) {
                falseAlarms.add(sample.text());
            }
        }
        long atRisk = samples.stream().filter(Sample::risk).count();
        double recall = 1.0 - (double) missed.size() / atRisk;
        double falseAlarmRate = (double) falseAlarms.size() / (samples.size() - atRisk);
        System.out.printf("held-out, cue phrases + exemplars: recall %.3f (%d/%d), false alarms %.3f (%d/%d)%n",
                recall, atRisk - missed.size(), atRisk, falseAlarmRate, falseAlarms.size(), samples.size() - atRisk);
        assertThat(recall).as("missed " + missed).isGreaterThanOrEqualTo(0.85);
        assertThat(falseAlarmRate).as("false alarms " + falseAlarms).isLessThanOrEqualTo(0.10);
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
