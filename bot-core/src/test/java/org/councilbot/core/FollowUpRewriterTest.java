package org.councilbot.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FollowUpRewriterTest {
    private final FollowUpRewriter rewriter = new FollowUpRewriter();
    private final FollowUpRewriter.Context libraries = new FollowUpRewriter.Context(
            new Citation("Library opening hours and branches", "https://council.example/libraries/hours"),
            "is there a library in oakhurst", 1);

    @Test
    void reads_a_short_question_alone_and_about_the_last_answer_with_what_was_asked_then() {
        // when
        List<FollowUpRewriter.Reading> readings = rewriter.readings("where is it?", Optional.of(libraries));
        // then: the place asked about before comes along, the title's own question words do not
        assertThat(readings).hasSize(2);
        assertThat(readings.get(0).query()).isEqualTo("where is it?");
        assertThat(readings.get(1).contextual()).isTrue();
        assertThat(readings.get(1).query()).contains("where is it?", "Library", "branches", "oakhurst")
                .doesNotContain("opening hours");
        assertThat(AnswerKind.askedBy(readings.get(1).query())).containsExactly(AnswerKind.PLACE);
    }

    @Test
    void does_not_repeat_words_along_a_chain_of_follow_ups() {
        FollowUpRewriter.Context earlier = new FollowUpRewriter.Context(libraries.page(),
                rewriter.readings("where is it?", Optional.of(libraries)).get(1).query(), 2);
        String query = rewriter.readings("is it open on saturdays?", Optional.of(earlier)).get(1).query();
        assertThat(query.split("oakhurst", -1)).hasSize(2);
        assertThat(query.split("Library", -1)).hasSize(2);
    }

    @Test
    void and_with_a_condition_or_a_question_of_its_own_is_about_the_last_answer_not_a_new_topic() {
        assertThat(rewriter.namesNewTopic("and garden waste?")).isTrue();
        assertThat(rewriter.namesNewTopic("and if i get council tax reduction")).isFalse();
        assertThat(rewriter.namesNewTopic("and when do we find out which school we got")).isFalse();
        List<FollowUpRewriter.Reading> readings = rewriter.readings("and if i get council tax reduction",
                Optional.of(libraries));
        assertThat(readings.get(0).query()).isEqualTo("and if i get council tax reduction");
        assertThat(readings.get(1).contextual()).isTrue();
    }

    @Test
    void a_follow_up_pointing_back_keeps_asking_what_the_last_question_asked() {
        FollowUpRewriter.Context price = new FollowUpRewriter.Context(
                new Citation("Garden waste subscription", "https://council.example/bins/garden"), "how much is it?", 2);
        assertThat(rewriter.namesNewTopic("and for a second one?")).isFalse();
        List<FollowUpRewriter.Reading> readings = rewriter.readings("and for a second one?", Optional.of(price));
        assertThat(readings.get(1).query()).startsWith("how much and for a second one?").contains("Garden waste");
        assertThat(AnswerKind.askedBy(readings.get(1).query())).containsExactly(AnswerKind.PRICE);
    }

    @Test
    void a_spell_of_time_is_a_detail_of_the_last_answer_not_a_new_topic() {
        FollowUpRewriter.Context huts = new FollowUpRewriter.Context(
                new Citation("Beach huts", "https://council.example/beach-huts"), "beach hut hire", 1);

        List<FollowUpRewriter.Reading> readings = rewriter.readings("what about for a whole week?", Optional.of(huts));

        assertThat(rewriter.namesNewTopic("what about for a whole week?")).isFalse();
        assertThat(rewriter.namesNewTopic("and for garden waste?")).isTrue();
        assertThat(readings.get(0).note()).doesNotContain("new topic");
        assertThat(readings.get(1).query()).contains("whole week", "Beach huts");
    }

    @Test
    void weekends_are_a_time_asked_about_not_a_new_topic() {
        assertThat(rewriter.namesNewTopic("what about weekends?")).isFalse();
        assertThat(AnswerKind.askedBy("what about weekends?")).contains(AnswerKind.TIME);
    }

    @Test
    void a_short_message_with_a_topic_of_its_own_does_not_lean_on_the_last_answer() {
        assertThat(rewriter.leansOnContext("where is it?")).isTrue();
        assertThat(rewriter.leansOnContext("how much?")).isTrue();
        assertThat(rewriter.leansOnContext("what about Saturdays?")).isTrue();
        assertThat(rewriter.leansOnContext("where is the register office")).isFalse();
        assertThat(rewriter.leansOnContext("how do I pay my council tax")).isFalse();
    }

    @Test
    void reads_a_long_message_alone() {
        assertThat(rewriter.readings("my neighbour has been playing loud music every night for a week now",
                Optional.of(libraries))).hasSize(1);
    }
}
