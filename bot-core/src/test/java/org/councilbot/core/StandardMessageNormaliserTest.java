package org.councilbot.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StandardMessageNormaliserTest {
    private final MessageNormaliser normaliser = MessageNormaliser.standard(20);

    @Test
    void collapses_white_space_and_removes_invisible_characters() {
        assertThat(normaliser.normalise("  when\u200B is\n\n my   bin\tday  ")).isEqualTo("when is my bin day");
    }

    @Test
    void folds_compatibility_characters() {
        // Full-width letters are a way to slip past keyword screening.
        assertThat(normaliser.normalise("ｂｉｎ")).isEqualTo("bin");
    }

    @Test
    void rejects_empty_and_blank_messages() {
        assertThatThrownBy(() -> normaliser.normalise(" \u200B \n"))
                .isInstanceOf(InvalidMessageException.class)
                .satisfies(e -> assertThat(((InvalidMessageException) e).code()).isEqualTo("empty_message"));
    }

    @Test
    void rejects_messages_over_the_limit_and_says_the_limit() {
        assertThatThrownBy(() -> normaliser.normalise("x".repeat(21)))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining("20 characters")
                .satisfies(e -> assertThat(((InvalidMessageException) e).code()).isEqualTo("message_too_long"));
    }

    @Test
    void accepts_a_message_exactly_at_the_limit() {
        assertThat(normaliser.normalise("x".repeat(20))).hasSize(20);
    }

    @Test
    void rejects_a_limit_below_one_with_the_setting_name() {
        assertThatThrownBy(() -> MessageNormaliser.standard(0)).hasMessageContaining("engine.max-message-chars");
    }
}
