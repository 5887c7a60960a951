package org.councilbot.handoff;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;
import org.councilbot.core.CouncilbotException;

/**
 * Where the database is and how to log in to it.
 *
 * <p>Validated on construction so that a council's bad configuration fails at start with a
 * message naming the setting. {@link #toString()} never shows the password.
 *
 * @param jdbcUrl     {@code database.url}: {@code jdbc:postgresql:...} or {@code jdbc:h2:...}
 * @param user        {@code database.user}
 * @param password    {@code database.password}; may be empty, e.g. for the embedded database
 * @param maxPoolSize {@code database.max-pool-size}: most connections held open at once
 */
public record DatabaseSettings(String jdbcUrl, String user, String password, int maxPoolSize) {

    // H2 in PostgreSQL mode, lower-case identifiers and PostgreSQL's NULL ordering, so the same
    // migrations and SQL run on both.
    private static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    private static final String EMBEDDED_USER = "councilbot";
    private static final int EMBEDDED_POOL_SIZE = 10;
    private static final Pattern MEMORY_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(password=)[^;&]*");

    public DatabaseSettings {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            throw invalid("database.url must be set, e.g. jdbc:postgresql://localhost:5432/councilbot");
        }
        if (!jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw invalid("database.url must start with jdbc:postgresql: or jdbc:h2:, was "
                    + redact(jdbcUrl));
        }
        if (user == null || user.isBlank()) {
            throw invalid("database.user must be set for " + redact(jdbcUrl));
        }
        if (password == null) {
            throw invalid("database.password must be set (it may be empty) for " + redact(jdbcUrl));
        }
        if (maxPoolSize < 1) {
            throw invalid("database.max-pool-size must be at least 1, was " + maxPoolSize);
        }
    }

    /** The zero-setup default: an H2 database in the file {@code dataDir/councilbot.mv.db}. */
    public static DatabaseSettings embedded(Path dataDir) {
        Objects.requireNonNull(dataDir, "dataDir");
        String file = dataDir.toAbsolutePath().normalize().resolve("councilbot").toString();
        if (file.indexOf(';') >= 0) {
            // H2 would read the rest of the path as URL options.
            throw invalid("The data directory must not contain ';', was " + dataDir);
        }
        return new DatabaseSettings("jdbc:h2:file:" + file + H2_OPTIONS, EMBEDDED_USER, "", EMBEDDED_POOL_SIZE);
    }

    /** An H2 database in memory that lives as long as the {@link CouncilDatabase} opened on it. */
    public static DatabaseSettings inMemory(String name) {
        if (name == null || !MEMORY_NAME.matcher(name).matches()) {
            throw invalid("An in-memory database name must be 1-64 letters, digits, '_' or '-', was " + name);
        }
        return new DatabaseSettings("jdbc:h2:mem:" + name + H2_OPTIONS, EMBEDDED_USER, "", EMBEDDED_POOL_SIZE);
    }

    /** The URL with any {@code password=} option masked, fit for messages and logs. */
    public String redactedUrl() {
        return redact(jdbcUrl);
    }

    boolean isH2InMemory() {
        return jdbcUrl.startsWith("jdbc:h2:mem:");
    }

    @Override
    public String toString() {
        return "DatabaseSettings[jdbcUrl=" + redactedUrl() + ", user=" + user + ", password="
                + (password.isEmpty() ? "(empty)" : "****") + ", maxPoolSize=" + maxPoolSize + "]";
    }

    private static String redact(String url) {
        return URL_PASSWORD.matcher(url).replaceAll("$1****");
    }

    private static CouncilbotException invalid(String message) {
        return new CouncilbotException("invalid_configuration", message);
    }
}
