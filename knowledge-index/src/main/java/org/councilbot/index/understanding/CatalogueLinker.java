package org.councilbot.index.understanding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.councilbot.core.CouncilbotException;
import org.councilbot.core.MessageClassifier;
import org.councilbot.core.MessageReading;
import org.councilbot.core.ServiceAttribute;
import org.councilbot.core.ServiceDefinition;
import org.councilbot.core.ServiceLink;
import org.councilbot.core.ServiceLinks;
import org.councilbot.core.ServiceType;

/**
 * Links each of a council's catalogue services to a built-in type by what the service says of itself.
 *
 * <p>Two readings of a service are weighed, and the stronger wins: the taxonomy's catalogue terms
 * found in its name, keywords, description, group or attributes (a term in the name counts most),
 * and the message classifier's reading of its name and description as if a resident had written
 * them ("Bins - missed" reads as a missed collection). A council pins or refuses a link in its
 * configuration; a service left unlinked keeps only its own words.
 */
public final class CatalogueLinker {
    /** Least strength of either reading for a link: below it the service keeps its own words. */
    static final double LINK_FLOOR = 0.5;
    /** A pin of this value leaves the service unlinked. */
    public static final String NO_TYPE = "none";
    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final double NAME = 1.0;
    private static final double KEYWORDS = 0.8;
    private static final double DESCRIPTION = 0.7;
    private static final double GROUP = 0.4;
    private static final double ATTRIBUTES = 0.3;
    private static final double EACH_FURTHER_TERM = 0.05;

    private final ServiceTaxonomy taxonomy;
    private final MessageClassifier classifier;

    public CatalogueLinker(ServiceTaxonomy taxonomy, MessageClassifier classifier) {
        this.taxonomy = taxonomy;
        this.classifier = classifier;
    }

    /**
     * @param pins service code to type id (or {@value #NO_TYPE}) from the council's configuration
     */
    public ServiceLinks link(List<ServiceDefinition> services, Map<String, String> pins) {
        for (Map.Entry<String, String> pin : pins.entrySet()) {
            if (services.stream().noneMatch(service -> service.code().equals(pin.getKey()))) {
                throw new CouncilbotException("invalid_configuration", "catalogue.links names service '" + pin.getKey()
                        + "', which the catalogue does not have");
            }
            if (!pin.getValue().equals(NO_TYPE) && taxonomy.type(pin.getValue()).isEmpty()) {
                throw new CouncilbotException("invalid_configuration", "catalogue.links." + pin.getKey()
                        + ": unknown service type '" + pin.getValue() + "'");
            }
        }
        List<ServiceLink> links = new ArrayList<>();
        for (ServiceDefinition service : services) {
            String pinned = pins.get(service.code());
            if (pinned != null) {
                links.add(new ServiceLink(service.code(), service.name(),
                        pinned.equals(NO_TYPE) ? Optional.empty() : Optional.of(pinned), 1.0, "pinned"));
            } else {
                links.add(matched(service));
            }
        }
        Map<String, String> families = new HashMap<>();
        taxonomy.types().forEach(type -> families.put(type.id(), taxonomy.family(type.id())));
        return new ServiceLinks(links, families);
    }

    private ServiceLink matched(ServiceDefinition service) {
        Map<String, Double> scores = new LinkedHashMap<>();
        MessageReading reading = classifier.read(service.name() + ". " + service.description());
        Map<String, Double> read = reading.types(MessageReading.REPORT);
        for (ServiceType type : taxonomy.types()) {
            double score = Math.max(lexical(service, type), read.getOrDefault(type.id(), 0.0));
            scores.put(type.id(), score);
        }
        Optional<Map.Entry<String, Double>> best = scores.entrySet().stream().max(Map.Entry.comparingByValue());
        if (best.isPresent() && best.get().getValue() >= LINK_FLOOR) {
            return new ServiceLink(service.code(), service.name(), Optional.of(best.get().getKey()),
                    Math.min(1.0, best.get().getValue()), "matched");
        }
        return new ServiceLink(service.code(), service.name(), Optional.empty(),
                best.map(Map.Entry::getValue).orElse(0.0), "unlinked");
    }

    /** The strongest field a type's catalogue term is found in, a little more for each further term. */
    static double lexical(ServiceDefinition service, ServiceType type) {
        String name = words(service.name());
        String keywords = words(String.join(" , ", service.keywords()));
        String description = words(service.description());
        String group = words(service.group());
        StringBuilder attributeText = new StringBuilder();
        for (ServiceAttribute attribute : service.attributes()) {
            attributeText.append(' ').append(attribute.code().replace('_', ' ')).append(' ').append(attribute.question());
        }
        String attributes = words(attributeText.toString());
        double best = 0;
        int found = 0;
        for (String term : type.terms()) {
            boolean attributeTerm = term.startsWith("attribute:");
            String phrase = words(attributeTerm ? term.substring("attribute:".length()) : term);
            if (phrase.isEmpty()) {
                continue;
            }
            double weight;
            if (attributeTerm) {
                weight = contains(attributes, phrase) ? ATTRIBUTES : 0;
            } else if (contains(name, phrase)) {
                weight = NAME;
            } else if (contains(keywords, phrase)) {
                weight = KEYWORDS;
            } else if (contains(description, phrase)) {
                weight = DESCRIPTION;
            } else if (contains(group, phrase)) {
                weight = GROUP;
            } else {
                weight = 0;
            }
            if (weight > 0) {
                found++;
                best = Math.max(best, weight);
            }
        }
        return found == 0 ? 0 : best + EACH_FURTHER_TERM * Math.min(4, found - 1);
    }

    /**
     * Whole-phrase containment, allowing a plural "s" on the phrase's last word; words are compared
     * also with their spaces taken out, so "fly tipping" finds "Flytipping" and "fly-tipping".
     */
    private static boolean contains(String text, String phrase) {
        String joined = phrase.replace(" ", "");
        return containsWords(text, phrase) || joined.length() >= 8 && text.replace(" ", "").contains(joined);
    }

    private static boolean containsWords(String text, String phrase) {
        String padded = " " + text + " ";
        return padded.contains(" " + phrase + " ") || padded.contains(" " + phrase + "s ")
                || phrase.endsWith("s") && padded.contains(" " + phrase.substring(0, phrase.length() - 1) + " ");
    }

    /** Lower-case words separated by single spaces: how texts are compared in this package. */
    static String words(String text) {
        return String.join(" ", NOT_A_WORD.split(text.toLowerCase(Locale.ROOT))).strip();
    }
}
