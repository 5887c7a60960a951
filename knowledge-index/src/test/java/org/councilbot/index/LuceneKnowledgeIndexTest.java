package org.councilbot.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.councilbot.core.CouncilbotException;
import org.councilbot.core.KnowledgeQuery;
import org.councilbot.core.Passage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Retrieval over the Eastbrook test corpus, built once for the class. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LuceneKnowledgeIndexTest {
    private static final String SITE = "https://www.eastbrook.gov.uk";

    private Path indexRoot;
    private LuceneKnowledgeIndex index;

    @BeforeAll
    void buildIndex(@TempDir Path root) {
        indexRoot = root;
        KnowledgeIndexer.create(IndexSettings.defaults()).build(TestCorpus.resources(), indexRoot);
        index = LuceneKnowledgeIndex.open(indexRoot);
    }

    @AfterAll
    void closeIndex() {
        index.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '>', value = {
            "When is my recycling collected? > /bins/recycling",
            "What can I put in my blue bin? > /bins/recycling",
            "How much does the garden waste service cost? > /bins/garden-waste",
            "Single person discount on council tax > /council-tax/discounts",
            "How do I apply for a residents parking permit? > /parking/resident-permits",
            "What time does the library open on Saturday? > /libraries/opening-hours",
            "Our neighbours have barking dogs > /environment/noise-complaints",
            "How do I complain about a barking dog? > /environment/noise-complaints",
            "Pest control for rats and mice > /environment/pest-control"})
    void finds_the_right_page_for_a_plain_question(String question, String expectedPath) {
        // when
        List<Passage> passages = index.retrieve(KnowledgeQuery.of(question, 5));

        // then
        assertThat(passages).isNotEmpty();
        assertThat(passages.get(0).url()).isEqualTo(SITE + expectedPath);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '>', value = {
            "wen do bins get colected > /bins/recycling",
            "GARDEN WASTE PRICE?? > /bins/garden-waste",
            "singel person discount > /council-tax/discounts",
            "i live on my own do i pay less council tax > /council-tax/discounts",
            "visitor permit parking guests > /parking/resident-permits",
            "library open sunday > /libraries/opening-hours",
            "neighbours loud music party at night!!! > /environment/noise-complaints",
            "renew green bin subscription > /bins/garden-waste"})
    void finds_the_right_page_for_a_sloppy_question(String question, String expectedPath) {
        // when
        List<Passage> passages = index.retrieve(KnowledgeQuery.of(question, 5));

        // then
        assertThat(passages).isNotEmpty();
        assertThat(passages.get(0).url()).isEqualTo(SITE + expectedPath);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '>', value = {
            "wen is my recyling colected > /bins/recycling",
            "singel person discount > /council-tax/discounts",
            "libary opening hours > /libraries/opening-hours",
            "parkng permit prices > /parking/resident-permits",
            "noise complant > /environment/noise-complaints"})
    void finds_the_right_page_for_a_misspelt_question(String question, String expectedPath) {
        // when
        List<Passage> passages = index.retrieve(KnowledgeQuery.of(question, 5));

        // then
        assertThat(passages).isNotEmpty();
        assertThat(passages.get(0).url()).isEqualTo(SITE + expectedPath);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '>', value = {
            "wen is my recyling colected > when is my recycling collected",
            "singel person discount > single person discount",
            "libary opening hours > library opening hours"})
    void gives_a_misspelt_question_the_coverage_of_the_correctly_spelt_one(String misspelt, String correct) {
        // when
        Passage typed = index.retrieve(KnowledgeQuery.of(misspelt, 5)).get(0);
        Passage right = index.retrieve(KnowledgeQuery.of(correct, 5)).get(0);

        // then
        assertThat(typed.url()).isEqualTo(right.url());
        assertThat(typed.coverage()).isCloseTo(right.coverage(), within(0.1));
    }

    @Test
    void a_passage_carries_the_phrases_its_page_sets_in_bold() {
        Passage recycling = index.retrieve(KnowledgeQuery.of("how often is recycling collected", 5)).stream()
                .filter(passage -> passage.text().contains("every two weeks")).findFirst().orElseThrow();
        assertThat(recycling.emphasised()).contains("every two weeks");
        assertThat(recycling.text()).doesNotContain("**");
    }

    @Test
    void does_not_correct_a_short_word_into_an_unrelated_one() {
        // when "pork", one letter from the "park" of the parking pages, is asked about
        List<Passage> passages = index.retrieve(KnowledgeQuery.of("pork prices", 10));

        // then no page claims to cover the question
        assertThat(passages).allSatisfy(passage -> assertThat(passage.coverage()).isLessThan(0.5));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '>', value = {
            "ctax discount > /council-tax/discounts",
            "ctax single person thing > /council-tax/discounts",
            "tip opening hours > /bins/household-recycling-centre"})
    void finds_the_right_page_through_council_synonyms(String question, String expectedPath) {
        // when
        List<Passage> passages = index.retrieve(KnowledgeQuery.of(question, 5));

        // then
        assertThat(passages).isNotEmpty();
        assertThat(passages.get(0).url()).isEqualTo(SITE + expectedPath);
    }

    @Test
    void counts_a_synonym_as_covering_the_question() {
        // when
        Passage ctax = index.retrieve(KnowledgeQuery.of("ctax discount", 5)).get(0);
        Passage tip = index.retrieve(KnowledgeQuery.of("tip opening hours", 5)).get(0);

        // then
        assertThat(ctax.coverage()).isEqualTo(index.retrieve(KnowledgeQuery.of("council tax discount", 5)).get(0).coverage());
        assertThat(tip.coverage()).isGreaterThan(0.9);
    }

    @Test
    void does_not_let_filler_words_in_a_heading_outrank_the_topic() {
        // when the question shares "how", "the", "service" and "works" with a garden waste heading
        List<Passage> passages = index.retrieve(KnowledgeQuery.of("can you tell me how the service works for noise", 5));

        // then
        assertThat(passages.get(0).url()).isEqualTo(SITE + "/environment/noise-complaints");
    }

    @Test
    void uses_a_councils_own_synonyms_instead_of_the_defaults(@TempDir Path dir) throws IOException {
        // given
        Path file = Files.writeString(dir.resolve("synonyms.txt"), "# Eastbrook\nrates => council tax\n");

        // when
        try (LuceneKnowledgeIndex own = LuceneKnowledgeIndex.open(indexRoot, file)) {
            Passage rates = own.retrieve(KnowledgeQuery.of("rates discount", 5)).get(0);
            Passage ctax = own.retrieve(KnowledgeQuery.of("ctax discount", 5)).get(0);

            // then its rule applies and the default "ctax" rule no longer does
            assertThat(rates.url()).isEqualTo(SITE + "/council-tax/discounts");
            assertThat(rates.coverage()).isGreaterThan(0.9);
            assertThat(ctax.coverage()).isLessThan(0.5);
        }
        assertThat(index.retrieve(KnowledgeQuery.of("rates discount", 5)).get(0).coverage()).isLessThan(0.5);
    }

    @Test
    void keeps_the_default_rules_in_a_councils_extended_copy_of_the_list(@TempDir Path dir) throws IOException {
        // given the shipped list with one rule added
        String defaults;
        try (InputStream in = Synonyms.class.getResourceAsStream(Synonyms.DEFAULT_RESOURCE)) {
            defaults = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path file = Files.writeString(dir.resolve("synonyms.txt"), defaults + "\nrates => council tax\n");

        // when
        try (LuceneKnowledgeIndex own = LuceneKnowledgeIndex.open(indexRoot, file)) {

            // then
            assertThat(own.retrieve(KnowledgeQuery.of("rates discount", 5)).get(0).coverage()).isGreaterThan(0.9);
            assertThat(own.retrieve(KnowledgeQuery.of("ctax discount", 5)).get(0).coverage()).isGreaterThan(0.9);
        }
    }

    @Test
    void refuses_to_open_with_a_malformed_synonyms_file_naming_the_file_and_line(@TempDir Path dir) throws IOException {
        // given
        Path file = Files.writeString(dir.resolve("synonyms.txt"), "bin, waste\n\nskip permit =>\n");

        // then
        assertThatThrownBy(() -> LuceneKnowledgeIndex.open(indexRoot, file))
                .isInstanceOfSatisfying(CouncilbotException.class, e -> assertThat(e.code()).isEqualTo("synonyms_invalid"))
                .hasMessageContaining(file.toAbsolutePath().toString())
                .hasMessageContaining("line 3");
    }

    @Test
    void gives_high_coverage_when_a_page_covers_the_question() {
        // when
        List<Passage> passages = index.retrieve(KnowledgeQuery.of("when is my recycling collected", 5));

        // then
        assertThat(passages.get(0).url()).isEqualTo(SITE + "/bins/recycling");
        assertThat(passages.get(0).coverage()).isGreaterThan(0.7);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"how do I renew my passport", "where can I get my passport photo taken",
            "apply for a housing benefit"})
    void gives_low_coverage_when_no_page_covers_the_question(String question) {
        // when
        List<Passage> passages = index.retrieve(KnowledgeQuery.of(question, 10));

        // then no passage, however it ranks, claims to cover the question
        assertThat(passages).allSatisfy(passage -> assertThat(passage.coverage()).isLessThan(0.4));
    }

    @Test
    void gives_zero_coverage_when_the_question_names_no_topic() {
        // when
        List<Passage> passages = index.retrieve(KnowledgeQuery.of("hi can you help me please", 5));

        // then
        assertThat(passages).allSatisfy(passage -> assertThat(passage.coverage()).isZero());
    }

    @Test
    void gives_every_passage_of_a_page_the_coverage_of_the_whole_page() {
        // when the question's words are spread over two sections of one page
        List<Passage> passages = index.retrieve(KnowledgeQuery.of("visitor permit price electric vehicle", 5));

        // then
        List<Passage> permits = passages.stream().filter(p -> p.url().endsWith("/parking/resident-permits")).toList();
        assertThat(permits).hasSize(2).allSatisfy(p -> assertThat(p.coverage()).isEqualTo(1.0));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"AND ( \"* ~", "recycling AND (", "title:bins^3", "\"unbalanced", "*", "?", "\\",
            "NOT OR AND", "[1 TO 5]", "{!lucene}", "bins~2 -garden +waste", "/regex.*/", "&&||!():^", "\u0000\uFFFF"})
    void does_not_throw_for_query_syntax_in_resident_text(String question) {
        assertThatCode(() -> index.retrieve(KnowledgeQuery.of(question, 5))).doesNotThrowAnyException();
    }

    @Test
    void answers_a_pasted_essay_without_hitting_clause_limits() {
        // given far more distinct words than a boolean query may hold clauses
        String essay = IntStream.range(0, 5_000).mapToObj(i -> "word" + i).collect(Collectors.joining(" ")) + " recycling";

        // then
        assertThatCode(() -> index.retrieve(KnowledgeQuery.of(essay, 5))).doesNotThrowAnyException();
    }

    @Test
    void treats_query_syntax_as_plain_words() {
        // when
        List<Passage> passages = index.retrieve(KnowledgeQuery.of("recycling AND (\"blue bin*", 5));

        // then
        assertThat(passages).isNotEmpty();
        assertThat(passages.get(0).url()).isEqualTo(SITE + "/bins/recycling");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "   ", "?!...", "the and of"})
    void returns_nothing_for_an_empty_question(String question) {
        assertThat(index.retrieve(KnowledgeQuery.of(question, 5))).isEmpty();
    }

    @Test
    void returns_at_most_two_chunks_per_page_and_at_most_the_limit() {
        // when
        List<Passage> passages = index.retrieve(KnowledgeQuery.of("council tax discount student disabled renew", 20));
        List<Passage> limited = index.retrieve(KnowledgeQuery.of("bin", 1));

        // then
        Map<String, Long> perPage = passages.stream().collect(Collectors.groupingBy(Passage::url, Collectors.counting()));
        assertThat(perPage.values()).allSatisfy(count -> assertThat(count).isLessThanOrEqualTo(2));
        assertThat(perPage).containsEntry(SITE + "/council-tax/discounts", 2L);
        assertThat(limited).hasSize(1);
    }

    @Test
    void restricts_results_to_the_requested_services() {
        // when
        List<Passage> passages = index.retrieve(new KnowledgeQuery("bin collection permit", 10, Set.of("Parking")));

        // then
        assertThat(passages).isNotEmpty().allSatisfy(p -> assertThat(p.service()).isEqualTo("parking"));
    }

    @Test
    void returns_passages_with_their_page_section_and_markdown_text() {
        // when
        List<Passage> passages = index.retrieve(KnowledgeQuery.of("recycling collection days Southfields", 5));

        // then
        Passage days = passages.stream().collect(Collectors.toMap(p -> p.sectionPath().get(p.sectionPath().size() - 1),
                Function.identity(), (a, b) -> a)).get("Collection days and times");
        assertThat(days).isNotNull();
        assertThat(days.chunkId()).startsWith(SITE + "/bins/recycling#");
        assertThat(days.title()).isEqualTo("Recycling collections");
        assertThat(days.sectionPath()).containsExactly("Recycling collections", "Collection days and times");
        assertThat(days.service()).isEqualTo("waste");
        assertThat(days.text()).contains("| Southfields | Friday | A |", "Put your bin out by 7am");
        assertThat(days.score()).isPositive();
        assertThat(passages).extracting(Passage::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void is_named_hybrid_the_way_it_ranks() {
        assertThat(index.name()).isEqualTo("hybrid");
        assertThat(index.retrievers()).containsKeys("bm25", "vector", "hybrid");
        assertThat(index.retrievers()).allSatisfy((name, retriever) -> assertThat(retriever.name()).isEqualTo(name));
    }

    @Test
    void lists_every_chunk_of_a_page_in_page_order() {
        String url = index.retrieve(KnowledgeQuery.of("recycling collected blue bin", 1)).get(0).url();
        List<Passage> page = index.pagePassages(url);
        assertThat(page).isNotEmpty().allSatisfy(passage -> assertThat(passage.url()).isEqualTo(url));
        assertThat(page).extracting(passage -> Integer.parseInt(passage.chunkId().substring(passage.chunkId().lastIndexOf('#') + 1)))
                .isSorted().doesNotHaveDuplicates();
        assertThat(index.pagePassages("https://nowhere.example/none")).isEmpty();
    }

    @Test
    void says_how_to_build_an_index_when_there_is_none(@TempDir Path empty) {
        assertThatThrownBy(() -> LuceneKnowledgeIndex.open(empty.resolve("index")))
                .isInstanceOfSatisfying(CouncilbotException.class, e -> assertThat(e.code()).isEqualTo("index_missing"))
                .hasMessageContaining("./councilbot index --corpus DIR");
    }

    @Test
    void refuses_queries_once_closed() {
        // given
        LuceneKnowledgeIndex second = LuceneKnowledgeIndex.open(indexRoot);

        // when
        second.close();

        // then
        assertThatThrownBy(() -> second.retrieve(KnowledgeQuery.of("bins", 3)))
                .isInstanceOfSatisfying(CouncilbotException.class, e -> assertThat(e.code()).isEqualTo("index_closed"));
        assertThatCode(second::close).doesNotThrowAnyException();
    }
}
