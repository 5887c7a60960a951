package org.councilbot.evals;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Where the test suites are on the test class path. */
final class Fixtures {
    private Fixtures() {
    }

    static Path tinySuite() {
        try {
            return Path.of(Fixtures.class.getResource("/suites/tiny/suite.yaml").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
