package org.councilbot.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A schema of its own in the PostgreSQL at {@code COUNCILBOT_TEST_DB_URL}, dropped when closed,
 * so runs neither see nor disturb each other's data. Tests that use it are skipped when the
 * variable is unset.
 */
final class PostgresSchema implements AutoCloseable {
    static final String URL_VARIABLE = "COUNCILBOT_TEST_DB_URL";
    static final String USER_VARIABLE = "COUNCILBOT_TEST_DB_USER";
    static final String PASSWORD_VARIABLE = "COUNCILBOT_TEST_DB_PASSWORD";

    private final String url;
    private final String user;
    private final String password;
    private final String schema;

    private PostgresSchema(String url, String user, String password, String schema) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.schema = schema;
    }

    static boolean configured() {
        String url = System.getenv(URL_VARIABLE);
        return url != null && !url.isBlank();
    }

    /** Creates the schema, or skips the calling test when PostgreSQL is not configured. */
    static PostgresSchema create() throws SQLException {
        Assumptions.assumeTrue(configured(), URL_VARIABLE + " is not set; set it (and " + USER_VARIABLE + ", "
                + PASSWORD_VARIABLE + ") to run the PostgreSQL tests, e.g. jdbc:postgresql://127.0.0.1:5432/councilbot_test");
        PostgresSchema created = new PostgresSchema(System.getenv(URL_VARIABLE), variable(USER_VARIABLE),
                variable(PASSWORD_VARIABLE), "councilbot_test_" + UUID.randomUUID().toString().replace("-", ""));
        created.execute("CREATE SCHEMA " + created.schema);
        return created;
    }

    DatabaseSettings settings() {
        String separator = url.contains("?") ? "&" : "?";
        return new DatabaseSettings(url + separator + "currentSchema=" + schema, user, password, 8);
    }

    @Override
    public void close() throws SQLException {
        execute("DROP SCHEMA " + schema + " CASCADE");
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String variable(String name) {
        String value = System.getenv(name);
        assertThat(value).as(name + " must be set when " + URL_VARIABLE + " is (it may be empty)").isNotNull();
        return value;
    }
}
