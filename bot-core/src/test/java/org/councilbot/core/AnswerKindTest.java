package org.councilbot.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnswerKindTest {

    @Test
    void a_question_asking_where_a_place_is_wants_an_address_but_one_asking_where_to_report_does_not() {
        assertThat(AnswerKind.askedBy("where is the register office")).containsExactly(AnswerKind.PLACE);
        assertThat(AnswerKind.askedBy("wheres the tip")).contains(AnswerKind.PLACE);
        assertThat(AnswerKind.askedBy("where can I report a pothole")).doesNotContain(AnswerKind.PLACE);
    }

    @Test
    void a_fine_or_penalty_is_a_price() {
        assertThat(AnswerKind.askedBy("fine for not picking up dog poo")).containsExactly(AnswerKind.PRICE);
        assertThat(AnswerKind.PRICE.namedBySection("Fixed penalties")).isTrue();
    }

    @Test
    void an_address_is_a_postcode_or_a_named_street_not_any_street() {
        assertThat(AnswerKind.PLACE.statedIn("The Old Courthouse, Bridge Street, Brackenford BF1 3RS.")).isTrue();
        assertThat(AnswerKind.PLACE.statedIn("Oakhurst Library: 14 High Street, Oakhurst")).isTrue();
        assertThat(AnswerKind.PLACE.statedIn("You need a licence to hold a street party.")).isFalse();
    }

    @Test
    void a_section_heading_can_name_the_kind_of_fact_it_gathers() {
        assertThat(AnswerKind.PRICE.namedBySection("Prices 2026/27")).isTrue();
        assertThat(AnswerKind.TIME.namedBySection("Key dates")).isTrue();
        assertThat(AnswerKind.PRICE.namedBySection("How to apply")).isFalse();
    }

    @Test
    void takes_out_the_question_words_and_keeps_the_subject() {
        assertThat(AnswerKind.withoutQuestionWords("Library opening hours and branches")).isEqualTo("Library and branches");
        assertThat(AnswerKind.withoutQuestionWords("how much is garden waste")).isEqualTo("is garden waste");
    }

    @Test
    void a_spell_of_time_in_words_states_a_time() {
        assertThat(AnswerKind.TIME.statedIn("Our libraries open six days a week.")).isTrue();
        assertThat(AnswerKind.TIME.statedIn("We repair street lights within three working days.")).isTrue();
        assertThat(AnswerKind.TIME.statedIn("Three people can share a permit.")).isFalse();
    }

    @Test
    void the_words_asking_for_a_kind_of_fact_are_the_questions_own() {
        assertThat(AnswerKind.PRICE.cueTerms("How much does it cost to apply for a dropped kerb?")).containsExactly("cost");
        assertThat(AnswerKind.TIME.cueTerms("what time does the tip open")).containsExactly("time", "open");
    }

    @Test
    void a_deadline_is_a_time_however_it_is_asked_or_said() {
        assertThat(AnswerKind.askedBy("can I appeal, and is there a time limit?")).contains(AnswerKind.TIME);
        assertThat(AnswerKind.TIME.statedIn("Report it by the end of the next working day.")).isTrue();
        assertThat(AnswerKind.TIME.namedBySection("How soon must I report it?")).isTrue();
        assertThat(AnswerKind.TIME.namedBySection("How long it takes")).isTrue();
        assertThat(AnswerKind.TIME.statedIn("The next step is an inspection.")).isFalse();
    }

    @Test
    void dates_of_the_month_and_waits_in_years_are_times() {
        assertThat(AnswerKind.askedBy("pay council tax direct debit dates")).contains(AnswerKind.TIME);
        assertThat(AnswerKind.TIME.statedIn("You can choose to pay on the 1st, 8th, 15th or 22nd of the month.")).isTrue();
        assertThat(AnswerKind.TIME.statedIn("The average wait is about 2 years.")).isTrue();
        assertThat(AnswerKind.TIME.statedIn("The office is on the 2nd floor.")).isFalse();
    }
}
