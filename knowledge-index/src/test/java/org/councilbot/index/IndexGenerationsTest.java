package org.councilbot.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.councilbot.core.CouncilbotException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexGenerationsTest {
    @TempDir
    Path root;

    @Test
    void has_no_current_generation_before_the_first_publish() throws IOException {
        assertThat(new IndexGenerations(root.resolve("index")).current()).isEmpty();
    }

    @Test
    void numbers_new_generations_after_the_highest_existing_one() throws IOException {
        // given
        IndexGenerations generations = new IndexGenerations(root);
        Files.createDirectories(root.resolve("gen-000041"));
        Files.createDirectories(root.resolve("not-a-generation"));

        // when
        String created = generations.create();

        // then
        assertThat(created).isEqualTo("gen-000042");
        assertThat(root.resolve(created)).isEmptyDirectory();
    }

    @Test
    void publishing_replaces_the_pointer_and_leaves_no_temporary_file() throws IOException {
        // given
        IndexGenerations generations = new IndexGenerations(root);
        generations.publish(generations.create());

        // when
        generations.publish(generations.create());

        // then
        assertThat(generations.current()).contains("gen-000002");
        try (var files = Files.list(root)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .containsExactly(IndexGenerations.POINTER);
        }
    }

    @Test
    void prunes_generations_older_than_the_previous_but_never_newer_ones() throws IOException {
        // given generations 1..5, current 4, previous 3, and 5 still being built by someone else
        IndexGenerations generations = new IndexGenerations(root);
        for (int i = 0; i < 5; i++) {
            generations.create();
        }

        // when
        generations.prune("gen-000004", Optional.of("gen-000003"));

        // then
        try (var dirs = Files.list(root)) {
            assertThat(dirs.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("gen-000003", "gen-000004", "gen-000005");
        }
    }

    // The pointer's content picks a directory to open, so it must not be able to name any path.
    @Test
    void refuses_a_pointer_that_does_not_name_a_generation() throws IOException {
        // given
        Files.writeString(root.resolve(IndexGenerations.POINTER), "../../etc\n");

        // then
        assertThatThrownBy(() -> new IndexGenerations(root).current())
                .isInstanceOf(IOException.class)
                .hasMessageContaining("does not name a generation");
        assertThatThrownBy(() -> LuceneKnowledgeIndex.open(root))
                .isInstanceOfSatisfying(CouncilbotException.class, e -> assertThat(e.code()).isEqualTo("index_missing"))
                .hasMessageContaining("./councilbot index --corpus DIR");
    }

    @Test
    void allows_only_one_build_at_a_time() throws IOException {
        // given
        IndexGenerations generations = new IndexGenerations(root);

        try (IndexGenerations.BuildLock held = generations.lockForBuild()) {
            // then
            assertThatThrownBy(generations::lockForBuild)
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("another index build is running");
            assertThat(held).isNotNull();
        }
        generations.lockForBuild().close();
    }
}
