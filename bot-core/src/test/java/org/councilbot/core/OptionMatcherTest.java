package org.councilbot.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OptionMatcherTest {
    private static final List<AttributeOption> YES_NO_NOT_SURE = List.of(new AttributeOption("yes", "Yes"),
            new AttributeOption("no", "No"), new AttributeOption("not_sure", "Not sure"));
    private static final List<AttributeOption> YES_NO = YES_NO_NOT_SURE.subList(0, 2);
    private static final List<AttributeOption> FAULTS = List.of(new AttributeOption("out", "Light is out"),
            new AttributeOption("day_burning", "On during the day"),
            new AttributeOption("flickering", "Flickering or going on and off"),
            new AttributeOption("door_missing", "Door on the column missing or open"));
    private static final List<AttributeOption> BINS = List.of(new AttributeOption("litter", "Litter bin"),
            new AttributeOption("dog_waste", "Dog waste bin"),
            new AttributeOption("combined", "Combined litter and dog waste bin"));
    private static final List<AttributeOption> TIMES = List.of(new AttributeOption("early_morning", "Early morning (before 8am)"),
            new AttributeOption("daytime", "Daytime"), new AttributeOption("evening", "Evening"),
            new AttributeOption("night", "Night"));
    private static final List<AttributeOption> CONDITION = List.of(new AttributeOption("flat_tyres", "Flat tyres"),
            new AttributeOption("broken_windows", "Broken windows"), new AttributeOption("no_plates", "No number plates"),
            new AttributeOption("appears_ok", "Looks in working order"));

    @Test
    void reads_no_and_not_sure_as_the_options_they_name() {
        // Regression: "no" and "not sure" were skip words, and "no" a stopword, so they answered nothing.
        assertThat(OptionMatcher.single(YES_NO_NOT_SURE, "no")).map(AttributeOption::key).contains("no");
        assertThat(OptionMatcher.single(YES_NO_NOT_SURE, "no, not usually")).map(AttributeOption::key).contains("no");
        assertThat(OptionMatcher.single(YES_NO_NOT_SURE, "not sure")).map(AttributeOption::key).contains("not_sure");
        assertThat(OptionMatcher.single(YES_NO_NOT_SURE, "don't know")).map(AttributeOption::key).contains("not_sure");
        assertThat(OptionMatcher.single(YES_NO_NOT_SURE, "yes its half across the pavement"))
                .map(AttributeOption::key).contains("yes");
    }

    @Test
    void does_not_read_no_idea_as_no_when_there_is_no_not_sure_option() {
        assertThat(OptionMatcher.single(YES_NO, "no idea")).isEmpty();
    }

    @Test
    void keeps_words_that_name_options_even_when_they_are_usually_dropped() {
        // Regression: "out" was a stopword, so "its gone out completely" matched nothing.
        assertThat(OptionMatcher.single(FAULTS, "its gone out completely")).map(AttributeOption::key).contains("out");
        assertThat(OptionMatcher.single(FAULTS, "the door at the bottom is hanging open"))
                .map(AttributeOption::key).contains("door_missing");
    }

    @Test
    void prefers_the_option_most_fully_named_when_evidence_is_equal() {
        // Regression: "just a normal litter bin" tied between "Litter bin" and the combined bin.
        assertThat(OptionMatcher.single(BINS, "just a normal litter bin")).map(AttributeOption::key).contains("litter");
        assertThat(OptionMatcher.single(BINS, "a dog bin")).map(AttributeOption::key).contains("dog_waste");
    }

    @Test
    void folds_plurals_and_ing_forms() {
        assertThat(OptionMatcher.single(TIMES, "evenings")).map(AttributeOption::key).contains("evening");
        assertThat(OptionMatcher.single(FAULTS, "it keeps flickering")).map(AttributeOption::key).contains("flickering");
    }

    @Test
    void takes_the_named_options_of_a_multi_choice_answer_and_ignores_filler() {
        // Regression: one unrecognised clause rejected the whole answer.
        assertThat(OptionMatcher.multiple(CONDITION, "no plates, tyres are flat, think someones been sleeping in it"))
                .extracting(AttributeOption::key).containsExactly("no_plates", "flat_tyres");
        assertThat(OptionMatcher.multiple(TIMES, "early mornings mostly and sometimes evenings"))
                .extracting(AttributeOption::key).containsExactly("early_morning", "evening");
        assertThat(OptionMatcher.multiple(CONDITION, "the back window is smashed"))
                .extracting(AttributeOption::key).containsExactly("broken_windows");
    }

    @Test
    void a_no_alone_names_no_option_of_a_list_that_is_not_yes_or_no() {
        assertThat(OptionMatcher.multiple(CONDITION, "it's got no tax either")).isEmpty();
    }

    @Test
    void leaves_out_what_the_resident_rules_out() {
        List<AttributeOption> bins = List.of(new AttributeOption("black_general", "Black general waste bin"),
                new AttributeOption("brown_garden", "Brown garden waste bin"));
        assertThat(OptionMatcher.single(bins, "sorry, I meant the brown garden bin not the black one"))
                .map(AttributeOption::key).contains("brown_garden");
    }

    @Test
    void gives_no_answer_when_two_options_fit_equally() {
        List<AttributeOption> vans = List.of(new AttributeOption("small_van", "About a small van load"),
                new AttributeOption("large_van", "About a large van load"));
        assertThat(OptionMatcher.single(vans, "a van load")).isEmpty();
        assertThat(OptionMatcher.single(vans, "bout a small van load")).map(AttributeOption::key).contains("small_van");
    }

    @Test
    void reads_an_option_by_its_number() {
        assertThat(OptionMatcher.single(FAULTS, "2")).map(AttributeOption::key).contains("day_burning");
        assertThat(OptionMatcher.single(FAULTS, "9")).isEmpty();
    }
}
