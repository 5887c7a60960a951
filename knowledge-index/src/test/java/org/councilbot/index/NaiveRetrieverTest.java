package org.councilbot.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.councilbot.core.CouncilbotException;
import org.councilbot.core.KnowledgeQuery;
import org.councilbot.core.Passage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The LangChain4j-defaults baseline over the Eastbrook test corpus, built once. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NaiveRetrieverTest {
    private static final String SITE = "https://www.eastbrook.gov.uk";

    private NaiveRetriever naive;

    @BeforeAll
    void build() {
        naive = NaiveRetriever.build(TestCorpus.resources());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '>', value = {
            "How much does the garden waste service cost? > /bins/garden-waste",
            "I live alone, is my council tax cheaper > /council-tax/discounts",
            "the rats are back in my kitchen > /environment/pest-control",
            "my neighbour's dog won't stop barking > /environment/noise-complaints"})
    void returns_the_page_that_answers_the_question(String question, String expectedPath) {
        // when
        List<Passage> passages = naive.retrieve(KnowledgeQuery.of(question, 5));

        // then
        assertThat(passages.get(0).url()).isEqualTo(SITE + expectedPath);
    }

    @Test
    void returns_segments_of_langchain4j_size_with_their_page() {
        // when
        List<Passage> passages = naive.retrieve(KnowledgeQuery.of("garden waste bin prices", 10));

        // then
        assertThat(passages).hasSize(10).allSatisfy(passage -> {
            assertThat(passage.text().length()).isLessThanOrEqualTo(NaiveRetriever.SEGMENT_CHARS);
            assertThat(passage.chunkId()).startsWith(passage.url() + "#");
            assertThat(passage.title()).isNotBlank();
            assertThat(passage.coverage()).isBetween(0.0, 1.0);
        });
        assertThat(passages).extracting(Passage::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(naive.name()).isEqualTo("naive");
    }

    @Test
    void restricts_results_to_the_requested_services() {
        // when
        List<Passage> passages = naive.retrieve(new KnowledgeQuery("garden waste bin prices", 5, Set.of("Parking")));

        // then
        assertThat(passages).isNotEmpty().allSatisfy(passage -> assertThat(passage.service()).isEqualTo("parking"));
    }

    @Test
    void returns_nothing_for_a_blank_question() {
        assertThat(naive.retrieve(KnowledgeQuery.of("  ", 5))).isEmpty();
    }

    @Test
    void says_which_corpus_is_missing(@TempDir Path work) {
        assertThatThrownBy(() -> NaiveRetriever.build(work.resolve("no-such-corpus")))
                .isInstanceOfSatisfying(CouncilbotException.class, e -> assertThat(e.code()).isEqualTo("corpus_missing"))
                .hasMessageContaining("no-such-corpus");
    }
}
