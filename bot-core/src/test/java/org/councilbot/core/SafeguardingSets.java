package org.councilbot.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The safeguarding evaluation sets (JSON Lines of text and risk) and how a screen scores on one. */
final class SafeguardingSets {
    record Sample(String text, boolean risk) {}

    /** What a screen missed and flagged wrongly on a set. */
    record Score(int atRisk, int ordinary, List<String> missed, List<String> falseAlarms) {
        double recall() {
            return 1.0 - (double) missed.size() / atRisk;
        }

        double falseAlarmRate() {
            return (double) falseAlarms.size() / ordinary;
        }

        String summary(String name) {
            return String.format("%s: recall %.3f (%d/%d), false alarms %.3f (%d/%d)", name, recall(),
                    atRisk - missed.size(), atRisk, falseAlarmRate(), falseAlarms.size(), ordinary);
        }
    }

    private SafeguardingSets() {
    }

    static List<Sample> load(String resource) {
        ObjectMapper mapper = new ObjectMapper();
        List<Sample> samples = new ArrayList<>();
        try (InputStream in = SafeguardingSets.class.getResourceAsStream(resource)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    samples.add(mapper.readValue(line, Sample.class));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return samples;
    }

    static Score score(SafeguardingScreen screen, List<Sample> samples) {
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
        int atRisk = (int) samples.stream().filter(Sample::risk).count();
        return new Score(atRisk, samples.size() - atRisk, missed, falseAlarms);
    }
}
