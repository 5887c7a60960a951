package org.councilbot.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.councilbot.core.KnowledgeQuery;
import org.councilbot.core.KnowledgeRetriever;
import org.councilbot.core.Passage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Vector and hybrid retrieval over the Eastbrook test corpus with the real all-MiniLM-L6-v2 model, built once. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VectorRetrievalTest {
    private static final String SITE = "https://www.eastbrook.gov.uk";

    private LuceneKnowledgeIndex index;
    private KnowledgeRetriever bm25;
    private KnowledgeRetriever vector;
    private KnowledgeRetriever hybrid;

    @BeforeAll
    void buildIndex(@TempDir Path root) {
        MiniLmEmbedder model = new MiniLmEmbedder();
        KnowledgeIndexer.create(IndexSettings.defaults(), model).build(TestCorpus.resources(), root);
        index = LuceneKnowledgeIndex.open(root, model);
        bm25 = index.retrievers().get("bm25");
        vector = index.retrievers().get("vector");
        hybrid = index.retrievers().get("hybrid");
    }

    @AfterAll
    void closeIndex() {
        index.close();
    }

    @Test
    void finds_the_disposal_pages_for_a_sofa_in_words_no_page_uses() {
        // given a question none of whose topic words ("dump", "old", "sofa") is on any page
        KnowledgeQuery sofa = KnowledgeQuery.of("where can I dump my old sofa", 5);

        // when
        List<Passage> lexical = bm25.retrieve(sofa);
        List<Passage> nearest = vector.retrieve(sofa);
        List<Passage> fused = hybrid.retrieve(sofa);

        // then the lexical index matches only filler words and misses bulky waste
        assertThat(lexical).allSatisfy(passage -> assertThat(passage.coverage()).isZero());
        assertThat(lexical).extracting(Passage::url).doesNotContain(SITE + "/bins/bulky-waste");
        assertThat(urls(nearest).subList(0, 3)).contains(SITE + "/bins/bulky-waste", SITE + "/bins/household-recycling-centre");
        assertThat(urls(fused).subList(0, 3)).contains(SITE + "/bins/bulky-waste", SITE + "/bins/household-recycling-centre");
    }

    @Test
    void marks_the_best_page_corroborated_only_when_lexical_and_semantic_rankings_put_it_first() {
        // given a question both rankings answer with the same page, and one only the vectors find
        List<Passage> agreed = hybrid.retrieve(KnowledgeQuery.of("how do I book a bulky waste collection", 5));
        List<Passage> vectorsOnly = hybrid.retrieve(KnowledgeQuery.of("where do I take my broken telly", 5));

        // then the agreed page is marked, and only its passages
        assertThat(agreed.get(0).corroborated()).isTrue();
        assertThat(agreed).filteredOn(Passage::corroborated).extracting(Passage::url).containsOnly(agreed.get(0).url());
        assertThat(vectorsOnly).noneMatch(Passage::corroborated);
        // and the single rankings never corroborate themselves
        assertThat(bm25.retrieve(KnowledgeQuery.of("how do I book a bulky waste collection", 5)))
                .noneMatch(Passage::corroborated);
    }

    @Test
    void finds_the_recycling_centre_for_a_broken_telly_where_the_lexical_index_does_not() {
        // given
        KnowledgeQuery telly = KnowledgeQuery.of("where do I take my broken telly", 5);

        // then the page says "electrical items", the resident says "telly"
        assertThat(bm25.retrieve(telly).get(0).url()).isNotEqualTo(SITE + "/bins/household-recycling-centre");
        assertThat(vector.retrieve(telly).get(0).url()).isEqualTo(SITE + "/bins/household-recycling-centre");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"When is my recycling collected?", "singel person discount", "renew green bin subscription",
            "library open sunday", "Pest control for rats and mice"})
    void agrees_with_the_lexical_index_on_its_best_page_for_plain_and_misspelt_questions(String question) {
        // when
        String lexical = bm25.retrieve(KnowledgeQuery.of(question, 5)).get(0).url();

        // then
        assertThat(hybrid.retrieve(KnowledgeQuery.of(question, 5)).get(0).url()).isEqualTo(lexical);
    }

    @Test
    void measures_coverage_the_lexical_way_whatever_ranks_the_passages() {
        // given
        KnowledgeQuery question = KnowledgeQuery.of("garden waste prices", 10);
        double lexical = coverageOf(bm25.retrieve(question), SITE + "/bins/garden-waste");

        // then
        assertThat(lexical).isEqualTo(1.0);
        assertThat(coverageOf(vector.retrieve(question), SITE + "/bins/garden-waste")).isEqualTo(lexical);
        assertThat(coverageOf(hybrid.retrieve(question), SITE + "/bins/garden-waste")).isEqualTo(lexical);
    }

    @Test
    void restricts_every_ranking_to_the_requested_services() {
        // given questions about waste, asked only of parking and environmental health pages
        Set<String> services = Set.of("Parking", "environmental-health");

        for (KnowledgeRetriever retriever : List.of(bm25, vector, hybrid)) {
            // when
            List<Passage> passages = retriever.retrieve(new KnowledgeQuery("where can I dump my old sofa bin permit", 10, services));

            // then
            assertThat(passages).as(retriever.name()).isNotEmpty()
                    .allSatisfy(passage -> assertThat(passage.service()).isIn("parking", "environmental-health"));
        }
    }

    @Test
    void returns_at_most_two_chunks_per_page_and_at_most_the_limit() {
        for (KnowledgeRetriever retriever : List.of(vector, hybrid)) {
            List<Passage> passages = retriever.retrieve(KnowledgeQuery.of("council tax discount student disabled renew", 20));

            assertThat(passages).as(retriever.name()).hasSizeLessThanOrEqualTo(20);
            assertThat(passages.stream().collect(java.util.stream.Collectors.groupingBy(Passage::url,
                    java.util.stream.Collectors.counting())).values()).allSatisfy(count -> assertThat(count).isLessThanOrEqualTo(2));
            assertThat(retriever.retrieve(KnowledgeQuery.of("bin", 1))).hasSize(1);
        }
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "   ", "?!..."})
    void returns_nothing_for_an_empty_question(String question) {
        assertThat(vector.retrieve(KnowledgeQuery.of(question, 5))).isEmpty();
        assertThat(hybrid.retrieve(KnowledgeQuery.of(question, 5))).isEmpty();
    }

    @Test
    void lists_a_page_through_any_of_its_retrievers() {
        assertThat(vector.pagePassages(SITE + "/bins/garden-waste")).isEqualTo(index.pagePassages(SITE + "/bins/garden-waste"))
                .isNotEmpty();
    }

    private static List<String> urls(List<Passage> passages) {
        return passages.stream().map(Passage::url).distinct().toList();
    }

    private static double coverageOf(List<Passage> passages, String url) {
        return passages.stream().filter(passage -> passage.url().equals(url)).findFirst().orElseThrow().coverage();
    }
}
