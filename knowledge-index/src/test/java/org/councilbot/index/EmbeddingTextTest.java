package org.councilbot.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EmbeddingTextTest {

    @Test
    void puts_the_title_and_headings_before_the_chunk_text() {
        // given
        MarkdownChunker.PageChunk chunk = new MarkdownChunker.PageChunk(
                List.of("Garden waste collection", "Prices"), "It costs £45 a year.");

        // then
        assertThat(EmbeddingText.of(chunk)).isEqualTo("Garden waste collection Prices It costs £45 a year.");
    }

    @Test
    void drops_table_and_emphasis_markup() {
        // given
        MarkdownChunker.PageChunk chunk = new MarkdownChunker.PageChunk(List.of("Prices"),
                "| Items | Price |\n|-------|:-----:|\n| Up to three | **£30** |");

        // then
        assertThat(EmbeddingText.of(chunk)).isEqualTo("Prices Items Price Up to three £30");
    }

    @Test
    void keeps_hyphenated_words_and_single_dashes() {
        assertThat(EmbeddingText.plain("fly-tipping - report it")).isEqualTo("fly-tipping - report it");
    }

    @Test
    void cuts_a_long_text_at_a_word_within_the_model_window() {
        // given
        String text = "recycling ".repeat(500);

        // when
        String cut = EmbeddingText.of(new MarkdownChunker.PageChunk(List.of("Recycling"), text));

        // then
        assertThat(cut.length()).isLessThanOrEqualTo(EmbeddingText.MAX_CHARS);
        assertThat(cut).endsWith("recycling");
    }

    @Test
    void keys_change_with_the_model_and_the_text_only() {
        assertThat(EmbeddingText.key("m", "bins")).isEqualTo(EmbeddingText.key("m", "bins"));
        assertThat(EmbeddingText.key("m", "bins")).isNotEqualTo(EmbeddingText.key("m", "bin"));
        assertThat(EmbeddingText.key("m", "bins")).isNotEqualTo(EmbeddingText.key("other", "bins"));
    }
}
