package org.councilbot.evals;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An evaluation suite as loaded from its folder (see EVAL-SUITES.md).
 *
 * @param name            short name from suite.yaml, used in reports and the default output folder
 * @param council         the council's name
 * @param officeHours     when the council's contact centre is open, in words
 * @param notes           free text about the suite
 * @param contactPhone    the contact centre's number
 * @param website         the council's home page
 * @param outOfHoursPhone the out-of-hours emergency number
 * @param dir             the suite folder
 * @param corpusDir       the council's pages ({@code corpus/})
 * @param open311Dir      the Open311 catalogue ({@code open311/}), when the suite has one
 * @param cases           the conversations, in file order
 * @param warnings        things worth a look that do not stop a run, e.g. a doc url no page has
 */
public record Suite(String name, String council, Optional<String> officeHours, Optional<String> notes,
                    Optional<String> contactPhone, Optional<String> website, Optional<String> outOfHoursPhone,
                    Path dir, Path corpusDir, Optional<Path> open311Dir, List<SuiteCase> cases,
                    List<String> warnings) {
    public Suite {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(council, "council");
        Objects.requireNonNull(officeHours, "officeHours");
        Objects.requireNonNull(notes, "notes");
        Objects.requireNonNull(contactPhone, "contactPhone");
        Objects.requireNonNull(website, "website");
        Objects.requireNonNull(outOfHoursPhone, "outOfHoursPhone");
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(corpusDir, "corpusDir");
        Objects.requireNonNull(open311Dir, "open311Dir");
        cases = List.copyOf(cases);
        warnings = List.copyOf(warnings);
    }

    /** Turns over all cases. */
    public int turnCount() {
        return cases.stream().mapToInt(c -> c.turns().size()).sum();
    }
}
