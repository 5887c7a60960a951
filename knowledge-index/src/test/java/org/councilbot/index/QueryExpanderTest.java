package org.councilbot.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Expansion against a small page vocabulary and a few synonym rules. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryExpanderTest {
    private final TextAnalysis analysis = new TextAnalysis();
    private Directory directory;
    private DirectoryReader reader;
    private QueryExpander expander;

    @BeforeAll
    void setUp() throws IOException {
        directory = TestCorpus.pageIndex("recycl collect bin dai", "council tax discount", "park penalti charg notic",
                "how servic work", "marriag ceremoni");
        reader = DirectoryReader.open(directory);
        expander = new QueryExpander(analysis, new Synonyms(new SynonymParser(analysis).parse(List.of(
                "ctax => council tax",
                "pcn, parking ticket, penalty charge notice",
                "collec, gather",
                "bin, rubbish, refuse, waste, wheelie bin, black bin, dustbin, trash, garbage, binbag"), "test")));
    }

    @AfterAll
    void tearDown() throws IOException {
        reader.close();
        directory.close();
        analysis.close();
    }

    @Test
    void marks_filler_words_as_not_topic_and_gives_them_no_alternatives() throws IOException {
        Map<String, QueryConcept> concepts = expand("how do I get rubbish collected please");

        assertThat(concepts.get("how").topic()).isFalse();
        assertThat(concepts.get("pleas").topic()).isFalse();
        assertThat(concepts.get("rubbish").topic()).isTrue();
        assertThat(concepts.get("collect").topic()).isTrue();
        assertThat(concepts.get("how").alternatives()).isEmpty();
    }

    @Test
    void a_number_no_page_says_is_a_detail_not_the_topic() throws IOException {
        Map<String, QueryConcept> concepts = expand("bin collected at 7am from number 42");

        assertThat(concepts.get("7am").topic()).isFalse();
        assertThat(concepts.get("42").topic()).isFalse();
        assertThat(concepts.get("bin").topic()).isTrue();
    }

    @Test
    void corrects_a_misspelt_topic_word_and_treats_a_mistyped_filler_word_as_filler() throws IOException {
        Map<String, QueryConcept> concepts = expand("wen is my recyling colected");

        assertThat(concepts.get("wen").topic()).isFalse();
        assertThat(concepts.get("recyl").alternatives())
                .containsExactly(new QueryConcept.Alternative(List.of("recycl"), QueryExpander.CORRECTION_BOOST));
        assertThat(concepts.get("colect").alternatives())
                .containsExactly(new QueryConcept.Alternative(List.of("collect"), QueryExpander.CORRECTION_BOOST));
    }

    @Test
    void keeps_an_unknown_short_word_as_a_topic_when_only_a_wrong_letter_makes_it_filler() throws IOException {
        // "car" is one letter from the filler "can", but a resident asking about a car means a car
        assertThat(expand("car tax").get("car").topic()).isTrue();
    }

    @Test
    void expands_an_unknown_word_with_its_synonyms() throws IOException {
        assertThat(expand("ctax discount").get("ctax").alternatives())
                .containsExactly(new QueryConcept.Alternative(List.of("council", "tax"), QueryExpander.SYNONYM_BOOST));
    }

    @Test
    void does_not_correct_a_word_the_synonyms_list() throws IOException {
        // "collec" is one letter from the indexed "collect", but the council's list says what it means
        assertThat(expand("collec day").get("collec").alternatives())
                .containsExactly(new QueryConcept.Alternative(List.of("gather"), QueryExpander.SYNONYM_BOOST));
    }

    @Test
    void matches_phrase_synonyms_after_correcting_the_words() throws IOException {
        // "parkin" is corrected to "park", so "parkin ticket" meets the rule for "parking ticket"
        Map<String, QueryConcept> concepts = expand("parkin ticket");

        assertThat(concepts.get("ticket").alternatives()).extracting(QueryConcept.Alternative::terms)
                .containsExactly(List.of("pcn"), List.of("penalti", "charg", "notic"));
        assertThat(concepts.get("parkin").alternatives()).extracting(QueryConcept.Alternative::terms)
                .containsExactly(List.of("park"), List.of("pcn"), List.of("penalti", "charg", "notic"));
    }

    @Test
    void adds_the_indexed_relatives_of_a_word_that_stemming_keeps_apart() throws IOException {
        // "married" stems to marri, the pages say "marriage" (marriag)
        assertThat(expand("get married").get("marri").alternatives())
                .containsExactly(new QueryConcept.Alternative(List.of("marriag"), QueryExpander.RELATIVE_BOOST));
    }

    @Test
    void caps_the_alternatives_of_a_word() throws IOException {
        assertThat(expand("bin").get("bin").alternatives()).hasSize(QueryExpander.MAX_ALTERNATIVES_PER_TERM);
    }

    @Test
    void finds_nothing_to_expand_in_a_question_without_words() throws IOException {
        assertThat(expander.expand("?!", reader)).isEmpty();
    }

    private Map<String, QueryConcept> expand(String question) throws IOException {
        return expander.expand(question, reader).stream()
                .collect(Collectors.toMap(QueryConcept::term, Function.identity()));
    }
}
