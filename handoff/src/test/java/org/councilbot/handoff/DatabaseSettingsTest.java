package org.councilbot.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.councilbot.core.CouncilbotException;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

    @Test
    void embedded_is_an_h2_file_in_postgresql_mode_under_the_data_dir() {
        DatabaseSettings settings = DatabaseSettings.embedded(Path.of("data"));

        assertThat(settings.jdbcUrl())
                .startsWith("jdbc:h2:file:" + Path.of("data").toAbsolutePath().resolve("councilbot"))
                .contains(";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        assertThat(settings.maxPoolSize()).isPositive();
    }

    @Test
    void in_memory_is_a_named_h2_memory_database() {
        assertThat(DatabaseSettings.inMemory("demo").jdbcUrl()).startsWith("jdbc:h2:mem:demo;MODE=PostgreSQL");
    }

    @Test
    void rejects_an_url_for_another_database_naming_the_setting() {
        assertInvalid(() -> new DatabaseSettings("jdbc:mysql://localhost/councilbot", "u", "p", 2),
                "database.url must start with jdbc:postgresql: or jdbc:h2:");
    }

    @Test
    void rejects_a_missing_url() {
        assertInvalid(() -> new DatabaseSettings(" ", "u", "p", 2), "database.url must be set");
    }

    @Test
    void rejects_a_blank_user() {
        assertInvalid(() -> new DatabaseSettings("jdbc:postgresql://db/councilbot", "", "p", 2),
                "database.user must be set");
    }

    @Test
    void rejects_a_missing_password() {
        assertInvalid(() -> new DatabaseSettings("jdbc:postgresql://db/councilbot", "u", null, 2),
                "database.password must be set");
    }

    @Test
    void rejects_a_pool_without_connections() {
        assertInvalid(() -> new DatabaseSettings("jdbc:postgresql://db/councilbot", "u", "p", 0),
                "database.max-pool-size must be at least 1, was 0");
    }

    @Test
    void rejects_an_in_memory_name_that_would_add_url_options() {
        assertInvalid(() -> DatabaseSettings.inMemory("x;INIT=RUNSCRIPT FROM 'evil.sql'"), "in-memory database name");
    }

    @Test
    void never_shows_the_password() {
        DatabaseSettings settings = new DatabaseSettings(
                "jdbc:postgresql://db/councilbot?password=in-url-secret", "u", "in-field-secret", 2);

        assertThat(settings.toString()).doesNotContain("in-url-secret").doesNotContain("in-field-secret")
                .contains("password=****");
        assertThat(settings.redactedUrl()).isEqualTo("jdbc:postgresql://db/councilbot?password=****");
    }

    private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(CouncilbotException.class,
                        e -> assertThat(e.code()).isEqualTo("invalid_configuration"))
                .hasMessageContaining(message);
    }
}
