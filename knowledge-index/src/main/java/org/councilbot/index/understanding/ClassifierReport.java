package org.councilbot.index.understanding;

import java.util.Locale;
import java.util.Map;

/**
 * How well the message classifier did on writers held out of its training, and how it was trained.
 *
 * @param messages          training messages
 * @param writers           independent writers
 * @param heldOutAccuracy   leave-one-writer-out accuracy of the full label (kind and type)
 * @param heldOutKindAccuracy leave-one-writer-out accuracy of the kind alone
 * @param kindRecall        per kind, the share of its held-out messages read as that kind
 * @param writerAccuracy    per writer, the label accuracy on that writer's messages when held out
 * @param temperature       the calibration fitted on the held-out predictions (1 = none)
 * @param logLossBefore     held-out mean negative log-likelihood before calibration
 * @param logLossAfter      and after
 * @param expectedCalibrationError held-out ECE of the top label after calibration (10 bins)
 * @param trainingMillis    time taken to embed, validate and train (0 when loaded from the cache)
 * @param safeguardingRecallAt     held out, per floor on the probability of a risk: the share of
 *                                 risk messages that reach it
 * @param safeguardingFalseAlarmAt and the share of other messages that reach it
 */
public record ClassifierReport(int messages, int writers, double heldOutAccuracy, double heldOutKindAccuracy,
                               Map<String, Double> kindRecall, Map<String, Double> writerAccuracy, double temperature,
                               double logLossBefore, double logLossAfter, double expectedCalibrationError,
                               long trainingMillis, Map<String, Double> safeguardingRecallAt,
                               Map<String, Double> safeguardingFalseAlarmAt) {
    public ClassifierReport {
        safeguardingRecallAt = new java.util.TreeMap<>(safeguardingRecallAt);
        safeguardingFalseAlarmAt = new java.util.TreeMap<>(safeguardingFalseAlarmAt);
        kindRecall = Map.copyOf(kindRecall);
        writerAccuracy = Map.copyOf(writerAccuracy);
    }

    public String describe() {
        return String.format(Locale.ROOT, "%d messages by %d writers; held out by writer: label accuracy %.3f, "
                        + "kind accuracy %.3f; temperature %.2f (log loss %.3f -> %.3f, ECE %.3f); trained in %d ms",
                messages, writers, heldOutAccuracy, heldOutKindAccuracy, temperature, logLossBefore, logLossAfter,
                expectedCalibrationError, trainingMillis);
    }
}
