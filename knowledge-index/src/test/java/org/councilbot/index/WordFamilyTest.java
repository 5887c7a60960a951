package org.councilbot.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Relatives found in a small page vocabulary of analyzed (stemmed) terms. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WordFamilyTest {
    private Directory directory;
    private DirectoryReader reader;
    private WordFamily family;

    @BeforeAll
    void setUp() throws IOException {
        directory = TestCorpus.pageIndex("marriag ceremoni", "marriag certif", "rental deposit", "bin tip",
                "binocular", "registr offic", "collect", "licenc premis", "licenc taxi", "licens");
        reader = DirectoryReader.open(directory);
        family = new WordFamily(reader);
    }

    @AfterAll
    void tearDown() throws IOException {
        reader.close();
        directory.close();
    }

    @Test
    void finds_a_longer_stem_of_the_same_word() throws IOException {
        // "married" stems to marri, "marriage" to marriag
        assertThat(family.relativesOf("marri")).containsExactly("marriag");
    }

    @Test
    void finds_a_shorter_stem_of_the_same_word() throws IOException {
        assertThat(family.relativesOf("collects")).containsExactly("collect");
    }

    @Test
    void leaves_short_words_alone() throws IOException {
        // "bin" would otherwise gather "bino..." and friends
        assertThat(family.relativesOf("bin")).isEmpty();
    }

    @Test
    void ignores_words_more_than_two_letters_longer() throws IOException {
        // rental is rent + 2, a relative; deposit is depo + 3 and ceremoni is ceremonious - 3, strangers
        assertThat(family.relativesOf("rent")).containsExactly("rental");
        assertThat(family.relativesOf("depo")).isEmpty();
        assertThat(family.relativesOf("ceremonious")).isEmpty();
    }

    @Test
    void never_returns_the_word_itself() throws IOException {
        assertThat(family.relativesOf("collect")).isEmpty();
    }

    @Test
    void lists_relatives_on_more_pages_first() throws IOException {
        // licenc is on two pages, licens on one
        assertThat(family.relativesOf("licen")).containsExactly("licenc", "licens");
    }
}
