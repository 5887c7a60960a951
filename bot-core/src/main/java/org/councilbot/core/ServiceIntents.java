package org.councilbot.core;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Intents that start each catalogue service's form, made from the catalogue itself, so a new
 * service needs configuration, not code. A council's own intents file can add more wordings.
 */
public final class ServiceIntents {
    private ServiceIntents() {
    }

    public static List<IntentDefinition> of(List<ServiceDefinition> services) {
        List<IntentDefinition> intents = new ArrayList<>();
        for (ServiceDefinition service : services) {
            Set<String> examples = new LinkedHashSet<>();
            String name = service.name().toLowerCase(Locale.ROOT);
            // Residents state the problem ("bin not emptied") as often as they ask to report it; a
            // question about the topic ("when is my bin collected?") is kept for the pages by the engine.
            examples.add("report " + name);
            examples.add("I want to report " + name);
            examples.add(name);
            for (String keyword : service.keywords()) {
                if (!keyword.isBlank()) {
                    examples.add(keyword.strip().toLowerCase(Locale.ROOT));
                    examples.add("report " + keyword.strip().toLowerCase(Locale.ROOT));
                }
            }
            intents.add(new IntentDefinition("report_" + service.code(), Action.FORM, "Report " + name,
                    List.copyOf(examples), service.code(), "", false));
        }
        return intents;
    }
}
