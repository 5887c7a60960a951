package org.councilbot.core;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a trained classifier reads a message as: a calibrated probability for each label.
 *
 * <p>Labels are a kind, optionally with a type after a slash: {@code question}, {@code thanks},
 * {@code report/pothole}, {@code lookup/bin_day}, {@code safeguarding/self_harm}. A kind's
 * probability is the sum over its types.
 *
 * @param probabilities label to probability, summing to 1
 */
public record MessageReading(Map<String, Double> probabilities) {
    public static final String QUESTION = "question";
    public static final String REPORT = "report";
    public static final String LOOKUP = "lookup";
    public static final String SAFEGUARDING = "safeguarding";

    public MessageReading {
        Objects.requireNonNull(probabilities, "probabilities");
        LinkedHashMap<String, Double> sorted = new LinkedHashMap<>();
        probabilities.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
        probabilities = java.util.Collections.unmodifiableMap(sorted);
    }

    /** A reading that knows nothing: used when no classifier is configured. */
    public static MessageReading none() {
        return new MessageReading(Map.of());
    }

    /** The kind of a label: {@code report} for {@code report/pothole}. */
    public static String kindOf(String label) {
        int slash = label.indexOf('/');
        return slash < 0 ? label : label.substring(0, slash);
    }

    /** The type of a label: {@code pothole} for {@code report/pothole}, else empty. */
    public static String typeOf(String label) {
        int slash = label.indexOf('/');
        return slash < 0 ? "" : label.substring(slash + 1);
    }

    /** The probability of one kind, summed over its types. */
    public double kind(String kind) {
        return probabilities.entrySet().stream().filter(entry -> kindOf(entry.getKey()).equals(kind))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    /** The most probable kind and its probability. */
    public Optional<Map.Entry<String, Double>> topKind() {
        Map<String, Double> kinds = new LinkedHashMap<>();
        probabilities.forEach((label, p) -> kinds.merge(kindOf(label), p, Double::sum));
        return kinds.entrySet().stream().max(Map.Entry.<String, Double>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(entry -> Map.entry(entry.getKey(), entry.getValue()));
    }

    /** The types of one kind with their probabilities, most probable first. */
    public Map<String, Double> types(String kind) {
        Map<String, Double> types = new LinkedHashMap<>();
        probabilities.forEach((label, p) -> {
            if (kindOf(label).equals(kind) && !typeOf(label).isEmpty()) {
                types.put(typeOf(label), p);
            }
        });
        return types;
    }

    /** For the rationale: the three most probable labels. */
    public String summary() {
        StringBuilder text = new StringBuilder();
        probabilities.entrySet().stream().limit(3).forEach(entry -> text.append(text.isEmpty() ? "" : ", ")
                .append(String.format(java.util.Locale.ROOT, "%s %.2f", entry.getKey(), entry.getValue())));
        return text.toString();
    }
}
