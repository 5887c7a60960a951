package org.councilbot.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

class CoverageScorerTest {

    @Test
    void weighs_a_term_found_on_every_page_less_than_a_rare_one() throws IOException {
        // given four pages: "bin" on all of them, "garden" on one
        try (Directory directory = pages("bin garden", "bin", "bin", "bin");
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
        try (Directory directory = pages("permit", "bin");
             DirectoryReader reader = DirectoryReader.open(directory)) {

            // when
            CoverageScorer scorer = CoverageScorer.of(List.of("permit", "passport"), reader);

            // then
            assertThat(scorer.coverage(Set.of("permit"))).isCloseTo(0.5, within(1e-9));
        }
    }

    @Test
    void is_zero_when_the_question_has_no_topic_terms() throws IOException {
        try (Directory directory = pages("bin");
             DirectoryReader reader = DirectoryReader.open(directory)) {
            assertThat(CoverageScorer.of(List.of(), reader).coverage(Set.of("bin"))).isZero();
        }
    }

    /** One page document per argument, holding its space-separated terms. */
    private static Directory pages(String... pageTerms) throws IOException {
        Directory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            for (int n = 0; n < pageTerms.length; n++) {
                SourcePage page = new SourcePage(Path.of("p" + n + ".md"), "https://x.gov.uk/" + n, "P" + n, "",
                        Optional.empty(), "text");
                writer.addDocument(IndexSchema.page(page, List.of(pageTerms[n].split(" "))));
            }
        }
        return directory;
    }
}
