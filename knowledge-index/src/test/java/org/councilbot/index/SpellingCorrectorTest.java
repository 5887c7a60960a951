package org.councilbot.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Optional;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Corrections against a small page vocabulary of analyzed (stemmed) terms. */
class SpellingCorrectorTest {
    private static final String[] PAGES = {
            "recycl collect bin", "recycl collect", "collect park", "park permit", "council tax singl",
            "bracket", "bracket", "bracket", "bracken", "pool 2025 station electr"};

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "recyl, recycl",     // "recyling": one letter missing
            "colect, collect",   // "colected"
            "singel, singl",     // "singel" for "single"
            "counsil, council",  // "counsil": one letter wrong
            "parkin, park",      // long enough for two edits
            "brackes, bracket",  // as close to "bracken", but on more pages
            "brackn, bracken"})  // closer to "bracken", though "bracket" is on more pages
    void corrects_a_term_no_page_has_to_the_closest_indexed_term(String typed, String expected) throws IOException {
        assertThat(correct(typed)).contains(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "poll",     // "polling": a short stem one letter from "pool" is a different word
            "skool",    // five letters allow one edit; "school" is two away
            "2026",     // numbers are never corrected, though one digit from "2025"
            "founcil",  // the first letter is kept: one edit from "council" but not a correction
            "passport", // nothing close
            "elect",    // "election": the longer stem "electr" (electricity) is another word
            "recycl"})  // indexed already
    void leaves_alone_a_term_it_should_not_correct(String typed) throws IOException {
        assertThat(correct(typed)).isEmpty();
    }

    private static Optional<String> correct(String term) throws IOException {
        try (Directory directory = TestCorpus.pageIndex(PAGES);
             DirectoryReader reader = DirectoryReader.open(directory)) {
            return new SpellingCorrector(reader).correct(term);
        }
    }
}
