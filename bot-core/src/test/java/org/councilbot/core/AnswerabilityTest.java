package org.councilbot.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerabilityTest {
    private final Answerability answerability = new Answerability(0.5, 0.3);

    @Test
    void a_page_covering_enough_of_the_question_answers_it() {
        assertThat(answerability.answers(List.of(page(0.6, false)), "garden waste price")).isTrue();
        assertThat(answerability.answers(List.of(page(0.35, true)), "wheres the place for my garden stuff")).isTrue();
        assertThat(answerability.answers(List.of(page(0.35, false)), "wheres the place for my garden stuff")).isFalse();
        assertThat(answerability.answers(List.of(), "anything")).isFalse();
    }

    @Test
    void a_long_story_is_answered_by_a_page_saying_a_smaller_share_of_its_words() {
        String story = "Hi, we moved into the new build at the end of the road last month with the kids and the dog, "
                + "everything is still in boxes and my partner works nights, so it has been hectic. "
                + "Nobody has told us anything about bins yet, so when is our bin day?";
        assertThat(story.split("\\s+").length).isGreaterThanOrEqualTo(Answerability.LONG_MESSAGE_WORDS);

        assertThat(answerability.answers(List.of(page(0.25, false)), story)).isTrue();
        assertThat(answerability.answers(List.of(page(0.15, true)), story)).isFalse();
        assertThat(answerability.answers(List.of(page(0.25, false)), "when is our bin day in the new build")).isFalse();
    }

    private static Passage page(double coverage, boolean corroborated) {
        return new Passage("https://council.example/bins#1", "https://council.example/bins", "Bins", List.of("Bins"),
                "waste", "We collect bins every other week.", 1, coverage, corroborated);
    }
}
