package org.councilbot.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A streaming composer's draft reaches residents only sentence by checked sentence, with a safe fallback. */
class ComposerFallbackTest {
    private static final CouncilProfile COUNCIL = new CouncilProfile("Testshire Council", "https://testshire.example",
            "01632 960000", "Monday to Friday, 9am to 5pm", "01632 960999", List.of());
    private static final Passage PERMITS = PageRetriever.page("https://testshire.example/permits", "Parking permits",
            "A resident parking permit costs £45 a year. Apply online.");

    private final List<String> shown = new ArrayList<>();
    private final List<String> withdrawn = new ArrayList<>();
    private final DraftListener drafts = new DraftListener() {
        @Override
        public void draft(String conversationId, String textSoFar) {
            shown.add(textSoFar);
        }

        @Override
        public void withdrawn(String conversationId) {
            withdrawn.add(conversationId);
        }
    };

    @Test
    void uses_a_grounded_streamed_answer_and_shows_it_sentence_by_sentence() {
        BotReply reply = ask(new ScriptedComposer(List.of("A permit ", "costs £45 a year", ". You can ", "apply online.")));
        assertThat(reply.text()).isEqualTo("A permit costs £45 a year. You can apply online.");
        assertThat(reply.citations()).containsExactly(PERMITS.citation());
        assertThat(shown).containsExactly("A permit costs £45 a year.", "A permit costs £45 a year. You can apply online.");
        assertThat(withdrawn).isEmpty();
        assertThat(reply.why().reason()).contains("composed by scripted");
    }

    @Test
    void never_shows_an_invented_figure_and_falls_back_to_the_extractive_answer() {
        BotReply reply = ask(new ScriptedComposer(List.of("A permit costs £45 a year. ", "Call 01632 960123 to apply.")));
        assertThat(shown).containsExactly("A permit costs £45 a year.");
        assertThat(shown).noneMatch(text -> text.contains("960123"));
        assertThat(withdrawn).hasSize(1);
        assertThat(reply.text()).doesNotContain("960123").contains("£45");
        assertThat(reply.why().reason()).contains("guard rejected the scripted draft").contains("answered by extractive");
    }

    @Test
    void falls_back_when_the_composer_fails() {
        AnswerComposer failing = new AnswerComposer() {
            @Override
            public Optional<ComposedAnswer> compose(String question, List<Passage> passages) {
                throw new CouncilbotException("llm_unavailable", "provider answered 503");
            }

            @Override
            public String name() {
                return "failing";
            }
        };
        BotReply reply = ask(failing);
        assertThat(reply.action()).isEqualTo(Action.ANSWER);
        assertThat(reply.text()).contains("£45");
        assertThat(reply.why().reason()).contains("failing failed (CouncilbotException)");
    }

    private BotReply ask(AnswerComposer composer) {
        ChatEngine engine = ChatEngine.builder().store(new InMemoryConversationStore())
                .retriever(new PageRetriever(List.of(PERMITS))).council(COUNCIL)
                .composer(composer).draftListener(drafts).build();
        String id = engine.startConversation("web", "").id();
        return engine.handle(new ResidentMessage(id, "how much is a resident parking permit"));
    }

    /** Streams the given pieces and returns them joined, citing the first passage. */
    private record ScriptedComposer(List<String> pieces) implements AnswerComposer {
        @Override
        public Optional<ComposedAnswer> compose(String question, List<Passage> passages) {
            return compose(question, passages, piece -> { });
        }

        @Override
        public Optional<ComposedAnswer> compose(String question, List<Passage> passages, TokenSink tokens) {
            pieces.forEach(tokens::token);
            return Optional.of(new ComposedAnswer(String.join("", pieces).strip(), List.of(passages.get(0).citation())));
        }

        @Override
        public String name() {
            return "scripted";
        }
    }
}
