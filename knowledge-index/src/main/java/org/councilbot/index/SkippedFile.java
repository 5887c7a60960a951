package org.councilbot.index;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A corpus file, or a record of one, that was left out of the index.
 *
 * @param path   the file
 * @param reason what was wrong with it, in words a council's web team can act on
 */
public record SkippedFile(Path path, String reason) {
    public SkippedFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(reason, "reason");
    }
}
