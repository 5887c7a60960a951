package org.councilbot.core;

import java.util.List;
import java.util.Optional;

/** Stage 2: looks for risk of harm before anything else, without depending on an LLM. */
@FunctionalInterface
public interface SafeguardingScreen {
    Optional<SafeguardingConcern> screen(String text);

    /** The built-in screen: cue phrases per category, with benign council phrases excluded. */
    static SafeguardingScreen cuePhrases() {
        return new CuePhraseSafeguardingScreen();
    }

    /**
     * Cue phrases first, then closeness of meaning to the built-in at-risk and lookalike exemplars.
     *
     * @param floor  least similarity to an at-risk exemplar that raises a concern
     * @param margin how much closer to an at-risk exemplar than to any lookalike it must be
     */
    static SafeguardingScreen cuePhrasesAndExemplars(TextEmbedder embedder, double floor, double margin) {
        return cuePhrasesAndExemplars(embedder, floor, margin, List.of());
    }

    /** As above, with the council's own ordinary wordings (e.g. its intents' examples) as extra lookalikes. */
    static SafeguardingScreen cuePhrasesAndExemplars(TextEmbedder embedder, double floor, double margin,
                                                     List<String> ordinary) {
        SafeguardingScreen cues = new CuePhraseSafeguardingScreen();
        SafeguardingScreen exemplars = new ExemplarSafeguardingScreen(embedder, floor, margin, ordinary);
        return text -> cues.screen(text).or(() -> exemplars.screen(text));
    }
}
