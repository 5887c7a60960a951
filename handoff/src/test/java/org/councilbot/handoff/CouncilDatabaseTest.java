package org.councilbot.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.UUID;
import org.councilbot.core.Conversation;
import org.councilbot.core.CouncilbotException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CouncilDatabaseTest {

    @Test
    void fails_at_open_naming_the_url_when_nothing_listens_there() {
        // Port 1 on the loopback address: refused at once, no server needed.
        String url = "jdbc:postgresql://127.0.0.1:1/councilbot";
        DatabaseSettings settings = new DatabaseSettings(url, "councilbot", "s3cret-horse-battery", 2);

        assertThatThrownBy(() -> CouncilDatabase.open(settings))
                .isInstanceOfSatisfying(CouncilbotException.class,
                        e -> assertThat(e.code()).isEqualTo("database_unavailable"))
                .hasMessageContaining(url)
                .hasMessageContaining("database.url")
                .hasMessageNotContaining("s3cret-horse-battery");
    }

    @Test
    void fails_at_open_without_the_password_when_it_is_wrong(@TempDir Path dataDir) {
        // given: a database created with one password
        DatabaseSettings embedded = DatabaseSettings.embedded(dataDir);
        DatabaseSettings right = new DatabaseSettings(embedded.jdbcUrl(), "councilbot", "right-horse-battery", 2);
        CouncilDatabase.open(right).close();
        DatabaseSettings wrong = new DatabaseSettings(embedded.jdbcUrl(), "councilbot", "wrong-horse-battery", 2);

        // when / then
        assertThatThrownBy(() -> CouncilDatabase.open(wrong))
                .isInstanceOfSatisfying(CouncilbotException.class,
                        e -> assertThat(e.code()).isEqualTo("database_unavailable"))
                .hasMessageContaining(embedded.jdbcUrl())
                .hasMessageNotContaining("wrong-horse-battery")
                .hasMessageNotContaining("right-horse-battery");
    }

    @Test
    void masks_a_password_given_in_the_url() {
        String url = "jdbc:postgresql://127.0.0.1:1/councilbot?user=councilbot&password=url-horse-battery";
        DatabaseSettings settings = new DatabaseSettings(url, "councilbot", "", 2);

        assertThatThrownBy(() -> CouncilDatabase.open(settings))
                .isInstanceOfSatisfying(CouncilbotException.class,
                        e -> assertThat(e.code()).isEqualTo("database_unavailable"))
                .hasMessageContaining("password=****")
                .hasMessageNotContaining("url-horse-battery");
    }

    @Test
    void keeps_an_in_memory_database_while_open_and_drops_it_on_close() {
        // given
        DatabaseSettings settings = DatabaseSettings.inMemory("contract-" + UUID.randomUUID());
        Conversation conversation = ConversationStoreContract.newConversation();

        // when: stored while open, then closed and opened again
        try (CouncilDatabase database = CouncilDatabase.open(settings)) {
            JdbcConversationStore.create(database).create(conversation);
            assertThat(JdbcConversationStore.create(database).find(conversation.id())).contains(conversation);
        }
        try (CouncilDatabase reopened = CouncilDatabase.open(settings)) {
            // then
            assertThat(JdbcConversationStore.create(reopened).find(conversation.id())).isEmpty();
        }
    }

    @Test
    void keeps_an_in_memory_database_with_a_single_connection_pool() {
        DatabaseSettings memory = DatabaseSettings.inMemory("single-" + UUID.randomUUID());
        DatabaseSettings single = new DatabaseSettings(memory.jdbcUrl(), memory.user(), memory.password(), 1);
        Conversation conversation = ConversationStoreContract.newConversation();

        try (CouncilDatabase database = CouncilDatabase.open(single)) {
            JdbcConversationStore store = JdbcConversationStore.create(database);
            store.create(conversation);
            store.append(ConversationStoreContract.turn(conversation.id(), 1, "hello"));

            assertThat(store.turns(conversation.id())).hasSize(1);
        }
    }

    @Test
    void opens_an_already_migrated_embedded_database(@TempDir Path dataDir) {
        DatabaseSettings settings = DatabaseSettings.embedded(dataDir);
        CouncilDatabase.open(settings).close();

        try (CouncilDatabase again = CouncilDatabase.open(settings)) {
            assertThat(JdbcConversationStore.create(again).find("none")).isEmpty();
        }
        assertThat(dataDir.resolve("councilbot.mv.db")).isRegularFile();
    }
}
