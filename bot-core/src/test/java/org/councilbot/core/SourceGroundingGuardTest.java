package org.councilbot.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SourceGroundingGuardTest {
    private final AnswerGuard guard = AnswerGuard.sourceGrounding();
    private final Passage source = new Passage("p#1", "https://council.example/tax", "Council tax", List.of(),
            "council-tax", "Call 01632 960000 to pay. Band D is £2,100.15 for 2026/27. See https://council.example/pay.",
            1, 1);

    @Test
    void passes_an_answer_whose_figures_and_links_are_in_the_sources() {
        ComposedAnswer draft = new ComposedAnswer("Call 01632960000. Band D costs £2,100.15 (2026/27): https://council.example/pay.",
                List.of(source.citation()));
        assertThat(guard.check(draft, List.of(source)).grounded()).isTrue();
    }

    @Test
    void rejects_an_invented_phone_number() {
        ComposedAnswer draft = new ComposedAnswer("Call 01632 960123 to pay.", List.of(source.citation()));
        assertThat(guard.check(draft, List.of(source)).problems()).singleElement().asString().contains("960123");
    }

    @Test
    void compares_whole_digit_groups_not_substrings() {
        // "£210" must not pass because "£2,100.15" contains the characters 2, 1 and 0 in a row.
        ComposedAnswer sameGroups = new ComposedAnswer("It costs £2,100.", List.of(source.citation()));
        assertThat(guard.check(sameGroups, List.of(source)).grounded()).isTrue();
        ComposedAnswer wrong = new ComposedAnswer("It costs £210.", List.of(source.citation()));
        assertThat(guard.check(wrong, List.of(source)).grounded()).isFalse();
    }

    @Test
    void rejects_a_url_and_a_citation_that_were_not_retrieved() {
        ComposedAnswer draft = new ComposedAnswer("Pay at https://evil.example/pay",
                List.of(new Citation("Elsewhere", "https://evil.example/pay")));
        assertThat(guard.check(draft, List.of(source)).problems()).hasSize(2);
    }
}
