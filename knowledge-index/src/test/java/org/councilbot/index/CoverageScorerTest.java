package org.councilbot.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

class CoverageScorerTest {

    @Test
    void weighs_a_term_found_on_every_page_less_than_a_rare_one() throws IOException {
        // given four pages: "bin" on all of them, "garden" on one
        try (Directory directory = TestCorpus.pageIndex("bin garden", "bin", "bin", "bin");
             DirectoryReader reader = DirectoryReader.open(directory)) {

            // when
            CoverageScorer scorer = CoverageScorer.of(List.of("garden", "bin"), reader);

            // then
            assertThat(scorer.coverage(Set.of("garden", "bin"))).isEqualTo(1.0);
            assertThat(scorer.coverage(Set.of("garden"))).isGreaterThan(0.7);
            assertThat(scorer.coverage(Set.of("bin"))).isLessThan(0.3);
        }
    }

    @Test
    void weighs_a_term_missing_from_the_index_as_the_rarest_term() throws IOException {
        // given "permit" on exactly one page, "passport" on none
        try (Directory directory = TestCorpus.pageIndex("permit", "bin");
             DirectoryReader reader = DirectoryReader.open(directory)) {

            // when
            CoverageScorer scorer = CoverageScorer.of(List.of("permit", "passport"), reader);

            // then
            assertThat(scorer.coverage(Set.of("permit"))).isCloseTo(0.5, within(1e-9));
        }
    }

    @Test
    void is_zero_when_the_question_has_no_topic_terms() throws IOException {
        try (Directory directory = TestCorpus.pageIndex("bin");
             DirectoryReader reader = DirectoryReader.open(directory)) {
            assertThat(CoverageScorer.of(List.of(), reader).coverage(Set.of("bin"))).isZero();
        }
    }

    @Test
    void counts_a_misspelt_term_as_found_on_a_page_with_its_correction() throws IOException {
        // given the question "recyling collect", corrected to "recycl"
        try (Directory directory = TestCorpus.pageIndex("recycl collect", "collect", "bin", "bin");
             DirectoryReader reader = DirectoryReader.open(directory)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            List<QueryConcept> misspelt = List.of(corrected("recyl", "recycl"), QueryConcept.plain("collect"));

            // when
            CoverageScorer scorer = CoverageScorer.ofConcepts(misspelt, searcher);
            CoverageScorer correct = CoverageScorer.of(List.of("recycl", "collect"), reader);

            // then the misspelt question covers the page as the correctly spelt one does
            assertThat(scorer.coverage(Set.of("recycl", "collect"))).isEqualTo(1.0);
            assertThat(scorer.coverage(Set.of("collect")))
                    .isCloseTo(correct.coverage(Set.of("collect")), within(1e-9));
        }
    }

    @Test
    void counts_a_phrase_synonym_only_when_the_page_has_all_its_words() throws IOException {
        // given "ctax", which no page says, standing for "council tax"
        try (Directory directory = TestCorpus.pageIndex("council tax discount", "council bin", "permit");
             DirectoryReader reader = DirectoryReader.open(directory)) {
            QueryConcept ctax = new QueryConcept("ctax", true,
                    List.of(new QueryConcept.Alternative(List.of("council", "tax"), 0.6f)));

            // when
            CoverageScorer scorer = CoverageScorer.ofConcepts(List.of(ctax), new IndexSearcher(reader));

            // then
            assertThat(scorer.coverage(Set.of("council", "tax", "discount"))).isEqualTo(1.0);
            assertThat(scorer.coverage(Set.of("council", "bin"))).isZero();
        }
    }

    @Test
    void never_lowers_coverage_when_a_known_term_gains_synonyms() throws IOException {
        // given "bin" on one page and "waste" on three
        try (Directory directory = TestCorpus.pageIndex("bin garden", "wast", "wast", "wast garden", "permit");
             DirectoryReader reader = DirectoryReader.open(directory)) {
            QueryConcept bin = new QueryConcept("bin", true,
                    List.of(new QueryConcept.Alternative(List.of("wast"), 0.6f)));

            // when
            CoverageScorer expanded = CoverageScorer.ofConcepts(List.of(bin, QueryConcept.plain("garden")),
                    new IndexSearcher(reader));
            CoverageScorer plain = CoverageScorer.of(List.of("bin", "garden"), reader);

            // then "bin" keeps its weight, and "waste" counts for it
            for (Set<String> page : List.of(Set.of("bin"), Set.of("garden"), Set.of("bin", "garden"), Set.of("permit"))) {
                assertThat(expanded.coverage(page)).isCloseTo(plain.coverage(page), within(1e-9));
            }
            assertThat(expanded.coverage(Set.of("wast", "garden"))).isEqualTo(1.0);
        }
    }

    @Test
    void ignores_filler_concepts() throws IOException {
        try (Directory directory = TestCorpus.pageIndex("how bin", "bin");
             DirectoryReader reader = DirectoryReader.open(directory)) {
            List<QueryConcept> question = List.of(new QueryConcept("how", false, List.of()), QueryConcept.plain("bin"));

            assertThat(CoverageScorer.ofConcepts(question, new IndexSearcher(reader)).coverage(Set.of("bin")))
                    .isEqualTo(1.0);
        }
    }

    private static QueryConcept corrected(String term, String correction) {
        return new QueryConcept(term, true, List.of(new QueryConcept.Alternative(List.of(correction), 0.8f)));
    }
}
