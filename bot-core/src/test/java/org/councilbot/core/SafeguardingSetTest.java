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
        List<Sample> samples = samples();
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

    private static List<Sample> samples() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<Sample> samples = new ArrayList<>();
        try (InputStream in = SafeguardingSetTest.class.getResourceAsStream("/safeguarding/messages.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    samples.add(mapper.readValue(line, Sample.class));
                }
            }
        }
        return samples;
    }
}
