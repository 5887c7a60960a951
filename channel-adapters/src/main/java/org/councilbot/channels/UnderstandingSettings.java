package org.councilbot.channels;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.councilbot.core.UnderstandingTuning;

/**
 * The learned understanding stage's settings.
 *
 * @param modelsDir      where trained models are cached ({@code councilbot.models-dir}, default
 *                       {@code <data-dir>/models})
 * @param catalogueLinks service code to built-in type id, or {@code none}, pinned by the council
 *                       ({@code councilbot.catalogue.links})
 * @param tuning         the stage's floors ({@code councilbot.understanding.*})
 */
public record UnderstandingSettings(Path modelsDir, Map<String, String> catalogueLinks, UnderstandingTuning tuning) {
    public UnderstandingSettings {
        Objects.requireNonNull(modelsDir, "modelsDir");
        catalogueLinks = Map.copyOf(catalogueLinks);
        Objects.requireNonNull(tuning, "tuning");
    }
}
