package org.councilbot.core;

import java.util.Optional;

/** Stage 2: looks for risk of harm before anything else, without depending on an LLM. */
@FunctionalInterface
public interface SafeguardingScreen {
    Optional<SafeguardingConcern> screen(String text);

    /** The built-in screen: cue phrases per category, with benign council phrases excluded. */
    static SafeguardingScreen cuePhrases() {
        return new CuePhraseSafeguardingScreen();
    }
}
