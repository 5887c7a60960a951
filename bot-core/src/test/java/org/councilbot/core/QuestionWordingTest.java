package org.councilbot.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuestionWordingTest {

    @Test
    void finds_a_question_put_anywhere_with_or_without_a_question_mark() {
        assertThat(QuestionWording.asksAnywhere("bin men didnt come today, how long do i wait")).isTrue();
        assertThat(QuestionWording.asksAnywhere("Is there a charge")).isTrue();
        assertThat(QuestionWording.asksAnywhere("a mattress dumped on Mill Lane?")).isTrue();
        assertThat(QuestionWording.asksAnywhere("dog mess all over the footpath by the school")).isFalse();
    }

    @Test
    void tells_a_question_opening_from_an_answer_that_only_contains_one() {
        assertThat(QuestionWording.opensAsQuestion("how long does it take you to clear it")).isTrue();
        assertThat(QuestionWording.opensAsQuestion("outside the shop, is it yours")).isFalse();
        assertThat(QuestionWording.opensWithQuestionWord("do i report that to you?")).isTrue();
    }

    @Test
    void asking_to_know_is_not_asking_to_have_something_done() {
        assertThat(QuestionWording.asksToKnow("How long do I have to report a missed bin?")).isTrue();
        assertThat(QuestionWording.asksToKnow("and garden waste?")).isTrue();
        assertThat(QuestionWording.asksToKnow("I want to report a missed bin")).isFalse();
        assertThat(QuestionWording.asksToKnow("how deep does a pothole have to be before the council will fix it")).isTrue();
    }

    @Test
    void a_report_with_a_question_about_the_service_asks_to_know_but_a_request_does_not() {
        assertThat(QuestionWording.asksToKnowAnywhere("bin was mised this morning how long have i got to report it")).isTrue();
        assertThat(QuestionWording.asksToKnowAnywhere("my bin was missed, can you come back for it?")).isFalse();
        assertThat(QuestionWording.asksToKnowAnywhere("there's a pothole outside number 4")).isFalse();
    }

    @Test
    void a_keyword_question_opening_with_the_fact_wanted_asks_to_know_it() {
        assertThat(QuestionWording.asksToKnow("fine for not picking up dog poo")).isTrue();
        assertThat(QuestionWording.asksToKnow("opening hours of the tip")).isTrue();
        assertThat(QuestionWording.asksToKnow("dog poo on the pavement outside number 4")).isFalse();
        assertThat(QuestionWording.asksToKnow("fined for parking outside my own house")).isFalse();
    }
}
