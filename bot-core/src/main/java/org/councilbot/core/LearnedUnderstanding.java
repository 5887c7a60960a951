package org.councilbot.core;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the message classifier's calibrated reading into a decision of kind, with the tuning of
 * the stage; the engine acts on it. No reading (no classifier) decides nothing.
 */
final class LearnedUnderstanding {
    private static final Set<String> SMALLTALK = Set.of("greeting", "thanks", "goodbye");
    private static final Set<String> NOT_COUNCIL = Set.of("general_knowledge", "assistant_task", "political",
            "abuse", "instruction");

    private final MessageClassifier classifier;
    private final ServiceLinks links;
    private final UnderstandingTuning tuning;
    // The screen and the reader read the same message in one turn; the model runs once.
    private final ThreadLocal<Map.Entry<String, MessageReading>> last = new ThreadLocal<>();

    LearnedUnderstanding(MessageClassifier classifier, ServiceLinks links, UnderstandingTuning tuning) {
        this.classifier = classifier;
        this.links = links;
        this.tuning = tuning;
    }

    MessageReading read(String text) {
        Map.Entry<String, MessageReading> remembered = last.get();
        if (remembered != null && remembered.getKey().equals(text)) {
            return remembered.getValue();
        }
        MessageReading reading = classifier.read(text);
        last.set(Map.entry(text, reading));
        return reading;
    }

    UnderstandingTuning tuning() {
        return tuning;
    }

    /** A risk of harm read in the message, as a concern for the safeguarding reply. */
    Optional<SafeguardingConcern> concern(String text) {
        MessageReading reading = read(text);
        double risk = reading.kind(MessageReading.SAFEGUARDING);
        if (risk < tuning.safeguardingFloor()) {
            return Optional.empty();
        }
        String category = reading.types(MessageReading.SAFEGUARDING).keySet().stream().findFirst().orElse("risk");
        return Optional.of(new SafeguardingConcern(category,
                String.format(java.util.Locale.ROOT, "read as a risk of harm (%.2f)", risk)));
    }

    /** The kind the message is read as, when the reading is sure enough to act on. */
    Optional<KindDecision> decide(String text) {
        MessageReading reading = read(text);
        Optional<Map.Entry<String, Double>> top = reading.topKind();
        if (top.isEmpty() || top.get().getValue() < tuning.actFloor()) {
            return Optional.empty();
        }
        String kind = top.get().getKey();
        double p = top.get().getValue();
        if (SMALLTALK.contains(kind)) {
            return Optional.of(new KindDecision.Smalltalk(kind, p));
        }
        if (kind.equals("human")) {
            return Optional.of(new KindDecision.Person(p));
        }
        if (kind.equals("frustration")) {
            return Optional.of(new KindDecision.Frustrated(p));
        }
        if (NOT_COUNCIL.contains(kind)) {
            return Optional.of(new KindDecision.NotCouncil(kind, p));
        }
        if (kind.equals("other_organisation")) {
            return Optional.of(new KindDecision.OtherOrganisation(p));
        }
        if (kind.equals(MessageReading.REPORT)) {
            return reportedService(reading).map(decision -> decision);
        }
        return Optional.empty();
    }

    /**
     * The council's service for the report read: the most probable type that the catalogue takes,
     * the types' probabilities pooled by the service they lead to.
     */
    private Optional<KindDecision.Report> reportedService(MessageReading reading) {
        Map<String, Double> byService = new java.util.LinkedHashMap<>();
        Map<String, String> typeOf = new java.util.HashMap<>();
        Map<String, ServiceLink> service = new java.util.HashMap<>();
        reading.types(MessageReading.REPORT).forEach((type, p) -> links.serviceFor(type).ifPresent(link -> {
            byService.merge(link.serviceCode(), p, Double::sum);
            typeOf.putIfAbsent(link.serviceCode(), type);
            service.putIfAbsent(link.serviceCode(), link);
        }));
        return byService.entrySet().stream().max(Map.Entry.comparingByValue())
                .filter(best -> best.getValue() >= tuning.actFloor())
                .map(best -> new KindDecision.Report(typeOf.get(best.getKey()), service.get(best.getKey()), best.getValue()));
    }
}
