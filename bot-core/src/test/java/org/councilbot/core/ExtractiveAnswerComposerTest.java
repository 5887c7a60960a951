package org.councilbot.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExtractiveAnswerComposerTest {
    private final AnswerComposer composer = AnswerComposer.extractive(400);

    @Test
    void quotes_the_sentence_that_answers_and_cites_its_page() {
        // given
        Passage page = passage("https://council.example/bins/garden", "Garden waste",
                "Garden waste is collected every other week. The subscription costs £52 a year. "
                        + "You can pay online or by phone.");
        // when
        ComposedAnswer answer = composer.compose("how much does the garden waste subscription cost", List.of(page)).orElseThrow();
        // then
        assertThat(answer.text()).contains("The subscription costs £52 a year.");
        assertThat(answer.text()).doesNotContain("pay online");
        assertThat(answer.citations()).containsExactly(new Citation("Garden waste", "https://council.example/bins/garden"));
    }

    @Test
    void renders_a_table_row_with_its_column_names() {
        Passage page = passage("https://council.example/ctax/bands", "Council tax bands",
                "| Band | Yearly charge |\n|---|---|\n| A | £1,400.10 |\n| D | £2,100.15 |");
        ComposedAnswer answer = composer.compose("yearly charge for band D", List.of(page)).orElseThrow();
        assertThat(answer.text()).contains("Band D – Yearly charge: £2,100.15");
        assertThat(answer.text()).doesNotContain("£1,400.10");
    }

    @Test
    void keeps_the_sentence_that_introduces_a_list_item() {
        Passage page = passage("https://council.example/bins/blue", "Blue bin",
                "You can put these in your blue bin:\n- paper and cardboard\n- plastic bottles\n- food tins");
        ComposedAnswer answer = composer.compose("can plastic bottles go in the blue bin", List.of(page)).orElseThrow();
        assertThat(answer.text()).startsWith("You can put these in your blue bin:").contains("- plastic bottles");
    }

    @Test
    void answers_with_the_opening_of_the_section_when_no_sentence_shares_a_word() {
        Passage page = passage("https://council.example/libraries", "Libraries",
                "Our libraries open six days a week. Oakhurst library closes on Wednesdays.");
        ComposedAnswer answer = composer.compose("opening times", List.of(page)).orElseThrow();
        assertThat(answer.text()).startsWith("Our libraries open six days a week.");
    }

    @Test
    void prefers_the_sentence_with_a_price_when_asked_how_much() {
        Passage page = passage("https://council.example/bins/garden", "Garden waste",
                "Sign up for garden waste collections online at www.council.example/garden-waste today. "
                        + "Garden waste collections cost £52 a year.");
        ComposedAnswer answer = composer.compose("how much is garden waste", List.of(page)).orElseThrow();
        assertThat(answer.text()).startsWith("Garden waste collections cost £52 a year.");
    }

    @Test
    void a_price_stated_in_other_words_than_the_question_answers_it() {
        // "cost to apply" is answered by "the £90 application fee", not by the works' cost
        Passage page = passage("https://council.example/roads/dropped-kerbs", "Dropped kerbs",
                "If approved, dropped kerbs cost between £900 and £2,000 to build. "
                        + "Apply online and pay the £90 assessment fee, which is not refunded.");
        ComposedAnswer answer = composer.compose("how much does it cost to apply for a dropped kerb", List.of(page))
                .orElseThrow();
        assertThat(answer.text()).startsWith("Apply online and pay the £90 assessment fee");
    }

    @Test
    void prefers_the_sentence_with_a_day_when_asked_when() {
        Passage page = passage("https://council.example/bins/food", "Food waste",
                "Food waste caddies are free to order online. Food waste is collected every Tuesday.");
        ComposedAnswer answer = composer.compose("when is food waste collected", List.of(page)).orElseThrow();
        assertThat(answer.text()).startsWith("Food waste is collected every Tuesday.");
    }

    @Test
    void composes_nothing_without_passages() {
        assertThat(composer.compose("anything", List.of())).isEmpty();
    }

    @Test
    void stays_within_the_length_limit_when_many_sentences_match() {
        String sentence = "Recycling is collected on Mondays in the north of the district. ";
        Passage page = passage("https://council.example/bins", "Bins", sentence.repeat(20));
        ComposedAnswer answer = composer.compose("recycling collected", List.of(page)).orElseThrow();
        assertThat(answer.text().length()).isLessThanOrEqualTo(400);
    }

    @Test
    void answers_how_much_from_the_price_table_of_the_page_about_the_subject() {
        // given: the table rows never repeat the page's subject, a sentence elsewhere does
        String url = "https://council.example/bins/garden";
        Passage intro = section(url, "Garden waste subscription", 1, List.of(),
                "Garden waste collection is an optional service. You can take garden waste to the tip free of charge.");
        Passage prices = section(url, "Garden waste subscription", 2, List.of("Cost"),
                "| Subscription | Price |\n|---|---|\n| First brown bin | £52 a year |\n| Each extra bin | £45 a year |");
        // when
        ComposedAnswer answer = composer.compose("garden waste how much", List.of(intro, prices)).orElseThrow();
        // then
        assertThat(answer.text()).startsWith("First brown bin – Price: £52 a year");
    }

    @Test
    void a_price_table_does_not_answer_for_a_sibling_section_the_question_names() {
        // given: one page, two licences, a fee table for one of them
        String url = "https://council.example/licensing";
        Passage premises = section(url, "Premises and personal licences", 1, List.of("Premises licence", "Fees"),
                "| Band | Application fee |\n|---|---|\n| A | £100 |\n| B | £190 |");
        Passage personal = section(url, "Premises and personal licences", 2, List.of("Personal licence"),
                "Anyone who sells alcohol must hold a personal licence. You need a qualification and the £37 fee.");
        // when
        ComposedAnswer answer = composer.compose("personal licence cost", List.of(premises, personal)).orElseThrow();
        // then: the fee table does not outscore the section the question names, which would leave it out
        assertThat(answer.text()).contains("You need a qualification and the £37 fee.");
    }

    @Test
    void a_section_without_the_kind_of_fact_asked_for_does_not_hide_the_section_that_has_it() {
        // given: "How to apply" names the question's word but gives no date; "Key dates" does
        String url = "https://council.example/schools/primary";
        Passage intro = section(url, "Primary school places", 1, List.of(),
                "If your child was born between 1 September 2022 and 31 August 2023, apply now for a school place.");
        Passage dates = section(url, "Primary school places", 2, List.of("Key dates"),
                "| What happens | Date |\n|---|---|\n| Closing date for applications | 15 January 2027 |");
        Passage how = section(url, "Primary school places", 3, List.of("How to apply"),
                "Apply online on our website. You can name up to three schools in order of preference.");
        // when
        ComposedAnswer answer = composer.compose("when do I apply for a school place", List.of(intro, dates, how))
                .orElseThrow();
        // then
        assertThat(answer.text()).contains("Closing date for applications – Date: 15 January 2027");
    }

    @Test
    void of_units_equally_on_topic_keeps_the_one_whose_fact_the_author_set_in_bold() {
        // given: five sentences about registering a death, more than an answer quotes; the last has
        // the deadline the page sets in bold
        String url = "https://council.example/registration/death";
        Passage page = new Passage(url + "#1", url, "Register a death", List.of("Register a death"), "test",
                "A death is registered in the district where it happened. A relative usually registers the death. "
                        + "A death is registered by appointment. Bring the certificate when you register the death. "
                        + "A death should be registered within 5 days.", 1.0, 1.0, false, List.of("5 days"));
        // when
        ComposedAnswer answer = composer.compose("registering a death", List.of(page)).orElseThrow();
        // then
        assertThat(answer.text()).contains("A death should be registered within 5 days.");
    }

    @Test
    void follows_a_link_to_another_retrieved_page_and_cites_it_too() {
        // given
        Passage benefit = passage("https://council.example/benefits/housing-benefit", "Housing Benefit",
                "Housing Benefit helps with rent. If your benefit does not cover your full rent, you may be able to get"
                        + " a Discretionary Housing Payment (https://council.example/benefits/dhp).");
        Passage dhp = passage("https://council.example/benefits/dhp", "Discretionary Housing Payments",
                "A Discretionary Housing Payment is extra money towards your rent when your benefit does not cover it."
                        + " Apply online.");
        // when
        ComposedAnswer answer = composer.compose("my benefit does not cover my rent", List.of(benefit, dhp)).orElseThrow();
        // then
        assertThat(answer.text()).contains("you may be able to get a Discretionary Housing Payment")
                .contains("A Discretionary Housing Payment is extra money towards your rent");
        assertThat(answer.citations()).extracting(Citation::url)
                .containsExactly("https://council.example/benefits/housing-benefit", "https://council.example/benefits/dhp");
    }

    @Test
    void does_not_follow_a_link_to_a_page_retrieval_did_not_find() {
        Passage benefit = passage("https://council.example/benefits/housing-benefit", "Housing Benefit",
                "If your benefit does not cover your full rent, you may be able to get a Discretionary Housing Payment"
                        + " (www.council.example/benefits/dhp).");
        Passage other = passage("https://council.example/housing/homeless", "Homelessness",
                "Tell us early if you may lose your home.");
        ComposedAnswer answer = composer.compose("my benefit does not cover my rent", List.of(benefit, other)).orElseThrow();
        assertThat(answer.citations()).extracting(Citation::url)
                .containsExactly("https://council.example/benefits/housing-benefit");
        assertThat(answer.text()).doesNotContain("lose your home");
    }

    private static Passage passage(String url, String title, String text) {
        return new Passage(url + "#1", url, title, List.of(title), "test", text, 1.0, 1.0);
    }

    private static Passage section(String url, String title, int ordinal, List<String> headings, String text) {
        List<String> path = new java.util.ArrayList<>(List.of(title));
        path.addAll(headings);
        return new Passage(url + "#" + ordinal, url, title, path, "test", text, 1.0, 1.0);
    }
}
