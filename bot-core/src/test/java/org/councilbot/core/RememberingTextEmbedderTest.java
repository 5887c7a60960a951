package org.councilbot.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RememberingTextEmbedderTest {
    private final List<String> embedded = new ArrayList<>();
    private final TextEmbedder counting = text -> {
        embedded.add(text);
        return new float[] {text.length(), 1};
    };

    @Test
    void embeds_a_text_once_while_it_is_remembered() {
        TextEmbedder remembering = TextEmbedder.remembering(counting, 2);
        float[] first = remembering.embed("when is my bin collected");
        first[0] = -1; // a caller changing its copy must not change what is remembered
        assertThat(remembering.embed("when is my bin collected")).containsExactly(24, 1);
        assertThat(embedded).containsExactly("when is my bin collected");
    }

    @Test
    void forgets_the_least_recently_used_text_beyond_its_capacity() {
        TextEmbedder remembering = TextEmbedder.remembering(counting, 2);
        remembering.embed("a");
        remembering.embed("b");
        remembering.embed("a");
        remembering.embed("c");
        remembering.embed("b");
        assertThat(embedded).containsExactly("a", "b", "c", "b");
    }
}
