package org.councilbot.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The screen over a dedicated set of at-risk messages (direct and indirect) and lookalikes that
 * are ordinary council questions; reports recall and false alarms.
 */
class SafeguardingSetTest {
    private record Sample(String text, boolean risk) {}

    private final SafeguardingScreen screen = SafeguardingScreen.cuePhrases();

    @Test
    void catches_every_at_risk_message_and_raises_almost_no_false_alarms() throws IOException {
        List<Sample> samples = samples("/safeguarding/messages.jsonl");
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
        long ordinary = samples.size() - atRisk;
        double recall = 1.0 - (double) missed.size() / atRisk;
        double falseAlarmRate = (double) falseAlarms.size() / ordinary;
        System.out.printf("safeguarding set: %d messages, recall %.3f (%d/%d), false alarms %.3f (%d/%d)%n",
                samples.size(), recall, atRisk - missed.size(), atRisk, falseAlarmRate, falseAlarms.size(), ordinary);
        assertThat(samples).hasSizeGreaterThanOrEqualTo(60);
        assertThat(missed).as("missed at-risk messages").isEmpty();
        assertThat(falseAlarmRate).as("false alarms: " + falseAlarms).isLessThanOrEqualTo(0.02);
    }

    /**
     * A set written by someone who had not seen the screen, kept out of its tuning: the cue phrases
     * alone catch under half of its indirect wording (0.43 when it was written), which is why the
     * engine adds the exemplar layer (see ExemplarSafeguardingScreenTest). This pins the cue layer's
     * own figure so it does not get worse.
     */
    @Test
    void reports_the_cue_phrases_alone_on_the_held_out_set() throws IOException {
        List<Sample> samples = samples("/safeguarding/held-out.jsonl");
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
        System.out.printf("held-out safeguarding set: %d messages, recall %.3f (%d/%d), false alarms %.3f (%d/%d)%n"
                        + "missed: %s%nfalse alarms: %s%n", samples.size(), 1.0 - (double) missed.size() / atRisk,
                atRisk - missed.size(), atRisk, (double) falseAlarms.size() / (samples.size() - atRisk),
                falseAlarms.size(), samples.size() - atRisk, missed, falseAlarms);
        assertThat(samples).hasSizeGreaterThanOrEqualTo(40);
        assertThat(1.0 - (double) missed.size() / atRisk).as("held-out recall; missed " + missed).isGreaterThanOrEqualTo(0.4);
        assertThat(falseAlarms).isEmpty();
    }

    private static List<Sample> samples(String resource) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<Sample> samples = new ArrayList<>();
        try (InputStream in = SafeguardingSetTest.class.getResourceAsStream(resource)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    samples.add(mapper.readValue(line, Sample.class));
                }
            }
        }
        return samples;
    }
}
