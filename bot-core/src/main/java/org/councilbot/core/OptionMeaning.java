package org.councilbot.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads which option of a list question an answer means when it shares no word with any of them:
 * "a sofa" is "Furniture or mattresses", "the alley behind the shops" is "Alleyway or back lane".
 *
 * <p>Only a clear winner counts: the closest option must be close enough and closer than the next
 * by a wide margin, or the resident is asked again; a wrong reading costs more than a second
 * asking. With all-MiniLM-L6-v2, "a sofa" is 0.61 from "Furniture or mattresses" and 0.16 from
 * the next option, while an answer to another question ("on the grass verge by the road" for
 * what was dumped) is 0.43 from "Tyres". Catch-all options ("Something else") and yes/no
 * questions are never chosen this way; a resident says those in words.
 */
final class OptionMeaning {
    static final double FLOOR = 0.5;
    static final double MARGIN = 0.2;
    private static final Pattern CATCH_ALL = Pattern.compile(
            "^(other|others|something else|somewhere else|someone else|none of (these|the above)|not sure|don'?t know)$",
            Pattern.CASE_INSENSITIVE);

    private final TextEmbedder embedder;

    OptionMeaning(TextEmbedder embedder) {
        this.embedder = embedder;
    }

    /** The option the answer clearly means, if any. */
    Optional<AttributeOption> closest(List<AttributeOption> options, String answer) {
        List<AttributeOption> candidates = options.stream()
                .filter(option -> !CATCH_ALL.matcher(option.name().strip()).matches()).toList();
        if (candidates.size() < 2 || OptionMatcher.isYesNo(options) || answer.strip().isEmpty()) {
            return Optional.empty();
        }
        List<String> texts = new ArrayList<>();
        texts.add(answer.strip());
        candidates.forEach(option -> texts.add(option.name()));
        List<float[]> vectors = embedder.embedAll(texts);
        int best = -1;
        double bestCloseness = -1;
        double second = -1;
        for (int i = 0; i < candidates.size(); i++) {
            double closeness = Closeness.between(vectors.get(0), vectors.get(i + 1));
            if (closeness > bestCloseness) {
                second = bestCloseness;
                bestCloseness = closeness;
                best = i;
            } else if (closeness > second) {
                second = closeness;
            }
        }
        return bestCloseness >= FLOOR && bestCloseness - second >= MARGIN
                ? Optional.of(candidates.get(best)) : Optional.empty();
    }
}
