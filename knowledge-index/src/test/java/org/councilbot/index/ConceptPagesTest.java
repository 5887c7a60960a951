package org.councilbot.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.councilbot.core.Passage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which pages say a question's words, through coverage as retrieval reports it. */
class ConceptPagesTest {
    private static final String SITE = "https://www.testvale.example.gov.uk";

    @Test
    void a_phrase_synonym_counts_only_where_a_page_says_it_as_a_phrase(@TempDir Path dir) throws IOException {
        // given "domestic waste", which no page says; one page says "household waste", the other
        // says "household" and "waste" far apart
        Path corpus = dir.resolve("corpus");
        TestCorpus.writePage(corpus, "black.md", "Black bin", SITE + "/bins/black-bin", "waste",
                "# Black bin\n\nYour black bin is for household waste that cannot be recycled. We collect it every other week.");
        TestCorpus.writePage(corpus, "bulky.md", "Bulky items", SITE + "/bins/bulky-items", "waste",
                "# Bulky items\n\nWe collect large household items such as sofas.\n\n## Prices\n\n"
                        + "A collection of up to three items costs £30. We do not take garden waste.");

        // when
        List<Passage> passages = TestCorpus.indexAndRetrieve(dir, "domestic waste collection");

        // then
        Map<String, Double> coverage = passages.stream()
                .collect(Collectors.toMap(Passage::url, Passage::coverage, Math::max));
        assertThat(coverage.get(SITE + "/bins/black-bin")).isEqualTo(1.0);
        assertThat(coverage.get(SITE + "/bins/bulky-items")).isLessThan(0.6);
        assertThat(passages.get(0).url()).isEqualTo(SITE + "/bins/black-bin");
    }

    @Test
    void a_one_word_synonym_counts_wherever_the_page_says_it(@TempDir Path dir) throws IOException {
        // given "cost", which the planning page says as "fee"
        Path corpus = dir.resolve("corpus");
        TestCorpus.writePage(corpus, "planning.md", "Planning advice", SITE + "/planning/advice", "planning",
                "# Planning advice\n\nA planning officer can advise before you apply.\n\n## Advice fees\n\nHouseholder advice: £150.");
        TestCorpus.writePage(corpus, "trees.md", "Trees", SITE + "/planning/trees", "planning",
                "# Trees\n\nAsk a planning officer before you cut down a protected tree.");

        // when
        List<Passage> passages = TestCorpus.indexAndRetrieve(dir, "planning advice cost");

        // then
        assertThat(passages.get(0).url()).isEqualTo(SITE + "/planning/advice");
        assertThat(passages.get(0).coverage()).isEqualTo(1.0);
    }
}
