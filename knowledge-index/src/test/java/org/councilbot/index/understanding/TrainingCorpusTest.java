package org.councilbot.index.understanding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.councilbot.core.CouncilbotException;
import org.junit.jupiter.api.Test;

class TrainingCorpusTest {

    @Test
    void keeps_the_first_copy_of_a_text_and_joins_kind_and_type() {
        // given two writers who wrote the same words, one with other punctuation
        Map<String, String> files = new LinkedHashMap<>();
        files.put("a.jsonl", """
                {"text": "Pothole on Elm Road!", "label": "report", "type": "pothole", "writer": "a"}
                {"text": "thanks", "label": "thanks", "writer": "a"}
                """);
        files.put("b.jsonl", """
                {"text": "pothole on elm road", "label": "report", "type": "pothole", "writer": "b"}
                """);

        // when
        TrainingCorpus corpus = TrainingCorpus.fromJsonLines(files);

        // then
        assertThat(corpus.messages()).extracting(TrainingMessage::label).containsExactly("report/pothole", "thanks");
        assertThat(corpus.messages().get(0).writer()).isEqualTo("a");
        assertThat(corpus.duplicates()).isEqualTo(1);
        assertThat(corpus.writers()).containsExactly("a");
    }

    @Test
    void drops_a_text_writers_labelled_differently() {
        Map<String, String> files = Map.of("a.jsonl", """
                {"text": "my bin", "label": "question", "writer": "a"}
                {"text": "My bin.", "label": "report", "type": "missed_collection", "writer": "b"}
                {"text": "hello", "label": "greeting", "writer": "b"}
                """);

        TrainingCorpus corpus = TrainingCorpus.fromJsonLines(files);

        assertThat(corpus.messages()).extracting(TrainingMessage::text).containsExactly("hello");
        assertThat(corpus.conflicting()).isEqualTo(1);
    }

    @Test
    void hash_changes_with_any_content() {
        String one = TrainingCorpus.fromJsonLines(Map.of("a.jsonl",
                "{\"text\": \"hi\", \"label\": \"greeting\", \"writer\": \"a\"}")).hash();
        String same = TrainingCorpus.fromJsonLines(Map.of("a.jsonl",
                "{\"text\": \"hi\", \"label\": \"greeting\", \"writer\": \"a\"}")).hash();
        String other = TrainingCorpus.fromJsonLines(Map.of("a.jsonl",
                "{\"text\": \"hiya\", \"label\": \"greeting\", \"writer\": \"a\"}")).hash();

        assertThat(one).isEqualTo(same).isNotEqualTo(other);
    }

    @Test
    void rejects_a_row_without_a_writer_naming_the_line() {
        assertThatThrownBy(() -> TrainingCorpus.fromJsonLines(Map.of("w.jsonl",
                "{\"text\": \"hi\", \"label\": \"greeting\", \"writer\": \"a\"}\n{\"text\": \"yo\", \"label\": \"greeting\"}")))
                .isInstanceOf(CouncilbotException.class).hasMessageContaining("w.jsonl line 2");
    }

    @Test
    void the_shipped_corpus_has_several_writers_and_every_kind() {
        TrainingCorpus corpus = TrainingCorpus.builtIn();

        assertThat(corpus.writers()).hasSizeGreaterThanOrEqualTo(5);
        assertThat(corpus.messages()).hasSizeGreaterThan(3000);
        assertThat(corpus.messages()).extracting(m -> org.councilbot.core.MessageReading.kindOf(m.label()))
                .contains("question", "report", "lookup", "greeting", "thanks", "goodbye", "human", "frustration",
                        "general_knowledge", "other_organisation", "assistant_task", "abuse", "instruction",
                        "political", "safeguarding");
    }
}
