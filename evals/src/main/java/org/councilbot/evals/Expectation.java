package org.councilbot.evals;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.councilbot.core.Action;

/**
 * What the bot must do on one turn.
 *
 * @param action         the action it must take
 * @param docs           page urls the answer must cite one of (corpus ids already resolved to urls),
 *                       also the relevant pages for ranking metrics; without duplicates
 * @param serviceCode    for {@code form}, the Open311 service it must start
 * @param slots          for a completed form, attribute values the request must carry (non-text
 *                       JSON values kept as their JSON text)
 * @param mustInclude    case-insensitive substrings the reply text must contain
 * @param mustNotInclude case-insensitive substrings the reply text must not contain
 */
public record Expectation(Action action, List<String> docs, Optional<String> serviceCode, Map<String, String> slots,
                          List<String> mustInclude, List<String> mustNotInclude) {
    public Expectation {
        Objects.requireNonNull(action, "action");
        docs = List.copyOf(docs);
        Objects.requireNonNull(serviceCode, "serviceCode");
        slots = Map.copyOf(slots);
        mustInclude = List.copyOf(mustInclude);
        mustNotInclude = List.copyOf(mustNotInclude);
    }

    /** Only the action is expected. */
    public static Expectation of(Action action) {
        return new Expectation(action, List.of(), Optional.empty(), Map.of(), List.of(), List.of());
    }
}
