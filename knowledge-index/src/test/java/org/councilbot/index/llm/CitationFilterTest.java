package org.councilbot.index.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CitationFilterTest {
    private final List<String> shown = new ArrayList<>();
    private final CitationFilter filter = new CitationFilter(shown::add);

    private void stream(String... pieces) {
        for (String piece : pieces) {
            filter.token(piece);
        }
        filter.finish();
    }

    @Test
    void removes_markers_split_across_tokens_and_keeps_their_numbers() {
        stream("Bins are collected on Mondays", " [", "2", "]. Call 01632 960000", " [1, 2]", ".");

        assertThat(filter.text()).isEqualTo("Bins are collected on Mondays. Call 01632 960000.");
        assertThat(String.join("", shown)).isEqualTo(filter.text());
        assertThat(filter.cited()).containsExactly(2, 1);
    }

    @Test
    void adjacent_markers_mid_sentence_leave_one_space() {
        stream("Permits cost £45 [1][2] and run a year.");

        assertThat(filter.text()).isEqualTo("Permits cost £45 and run a year.");
        assertThat(filter.cited()).containsExactly(1, 2);
    }

    @Test
    void brackets_that_are_not_markers_are_kept() {
        stream("Bring proof [a bill", " or letter] and [12a].");

        assertThat(filter.text()).isEqualTo("Bring proof [a bill or letter] and [12a].");
        assertThat(filter.cited()).isEmpty();
    }

    @Test
    void an_unfinished_marker_at_the_end_is_plain_text() {
        stream("See the page [1");

        assertThat(filter.text()).isEqualTo("See the page [1");
        assertThat(filter.cited()).isEmpty();
    }

    @Test
    void streams_nothing_when_the_model_does_not_know() {
        stream("I", " don’t", " know", ".");

        assertThat(filter.saidDontKnow()).isTrue();
        assertThat(shown).isEmpty();
    }

    @Test
    void releases_held_opening_words_once_they_are_not_a_non_answer() {
        filter.token("I ");
        assertThat(shown).isEmpty();
        filter.token("do collect");

        assertThat(shown).containsExactly("I do collect");
        assertThat(filter.saidDontKnow()).isFalse();
    }

    @Test
    void drops_tokens_after_close() {
        filter.token("Bins go out ");
        filter.close();
        filter.token("on Monday.");
        filter.finish();

        assertThat(String.join("", shown)).isEqualTo("Bins go out");
    }
}
