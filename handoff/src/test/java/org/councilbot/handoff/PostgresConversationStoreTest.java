package org.councilbot.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The store on PostgreSQL, at {@code COUNCILBOT_TEST_DB_URL}; skipped when that is unset.
 *
 * <p>Each run migrates a schema of its own and drops it afterwards, so runs neither see nor
 * disturb each other's data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresConversationStoreTest extends JdbcConversationStoreContract {
    private static final String URL_VARIABLE = "COUNCILBOT_TEST_DB_URL";
    private static final String USER_VARIABLE = "COUNCILBOT_TEST_DB_USER";
    private static final String PASSWORD_VARIABLE = "COUNCILBOT_TEST_DB_PASSWORD";

    private String url;
    private String user;
    private String password;
    private String schema;

    @BeforeAll
    void createSchema() throws SQLException {
        url = System.getenv(URL_VARIABLE);
        if (!configured()) {
            return; // each test is then skipped by settings(), so reports list them with the reason
        }
        user = requireVariable(USER_VARIABLE);
        password = requireVariable(PASSWORD_VARIABLE);
        schema = "councilbot_test_" + UUID.randomUUID().toString().replace("-", "");
        execute("CREATE SCHEMA " + schema);
    }

    @AfterAll
    void dropSchema() throws SQLException {
        if (schema != null) {
            execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    @Override
    protected DatabaseSettings settings() {
        Assumptions.assumeTrue(configured(), URL_VARIABLE + " is not set; set it (and " + USER_VARIABLE + ", "
                + PASSWORD_VARIABLE + ") to run the PostgreSQL tests, e.g. jdbc:postgresql://127.0.0.1:5432/councilbot_test");
        String separator = url.contains("?") ? "&" : "?";
        return new DatabaseSettings(url + separator + "currentSchema=" + schema, user, password, 8);
    }

    private boolean configured() {
        return url != null && !url.isBlank();
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String requireVariable(String name) {
        String value = System.getenv(name);
        assertThat(value).as(name + " must be set when " + URL_VARIABLE + " is (it may be empty)").isNotNull();
        return value;
    }
}
