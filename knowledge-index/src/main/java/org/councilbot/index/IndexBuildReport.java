package org.councilbot.index;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What one index build did.
 *
 * @param pages    pages indexed
 * @param chunks   chunks (passages) indexed
 * @param embedded chunks the model embedded in this build; the others kept their vectors from the
 *                 generation this build replaced, as their embedded text had not changed
 * @param skipped  files or records left out, each with its reason
 * @param took     wall-clock time of the build
 */
public record IndexBuildReport(int pages, int chunks, int embedded, List<SkippedFile> skipped, Duration took) {
    public IndexBuildReport {
        skipped = List.copyOf(skipped);
        Objects.requireNonNull(took, "took");
    }
}
