package org.councilbot.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers a question from the council's pages: retrieves for the message and, when it leans on the
 * conversation, for its follow-up reading; says "I don't know" below the answerability floor;
 * composes with the configured composer behind the guard, streaming checked sentences as drafts,
 * and falls back to the extractive answer when the composer fails or the guard rejects its draft.
 */
final class PageAnswers {
    private final KnowledgeRetriever retriever;
    private final AnswerComposer composer;
    private final AnswerComposer fallback;
    private final AnswerGuard guard;
    private final StandardReplies replies;
    private final Answerability answerability;
    private final int retrievalDepth;
    private final DraftListener drafts;
    private final PiiRedactor redactor;
    private final FollowUpRewriter followUps = new FollowUpRewriter();

    PageAnswers(KnowledgeRetriever retriever, AnswerComposer composer, AnswerComposer fallback, AnswerGuard guard,
                StandardReplies replies, Answerability answerability, int retrievalDepth, DraftListener drafts,
                PiiRedactor redactor) {
        this.retriever = retriever;
        this.composer = composer;
        this.fallback = fallback;
        this.guard = guard;
        this.replies = replies;
        this.answerability = answerability;
        this.retrievalDepth = retrievalDepth;
        this.drafts = drafts;
        this.redactor = redactor;
    }

    private record Composition(Optional<ComposedAnswer> answer, String note) {}

    /**
     * Composes with the configured composer, streaming checked sentences to the draft listener; a
     * failure, an empty draft or a draft the guard rejects falls back to the extractive composer.
     */
    private Composition composeGuarded(String conversationId, String query, List<Passage> evidence) {
        SentenceGate gate = new SentenceGate(guard, evidence, text -> drafts.draft(conversationId, text));
        String failure;
        try {
            // What leaves the process carries no personal data; the extractive composer stays local.
            String question = composer == fallback ? query : redactor.redact(query);
            Optional<ComposedAnswer> draft = composer.compose(question, evidence, gate);
            gate.finish();
            if (draft.isPresent()) {
                GuardVerdict verdict = guard.check(draft.get(), evidence);
                if (verdict.grounded()) {
                    return new Composition(draft, "composed by " + composer.name());
                }
                failure = "guard rejected the " + composer.name() + " draft: " + verdict.problems();
            } else {
                failure = composer.name() + " found nothing to say";
            }
        } catch (RuntimeException e) {
            failure = composer.name() + " failed (" + e.getClass().getSimpleName() + ")";
        }
        if (composer == fallback) {
            return new Composition(Optional.empty(), failure);
        }
        if (gate.releasedAnything()) {
            drafts.withdrawn(conversationId);
        }
        Optional<ComposedAnswer> extractive = fallback.compose(query, evidence)
                .filter(answer -> guard.check(answer, evidence).grounded());
        return new Composition(extractive, failure + "; answered by " + fallback.name() + " instead");
    }

    /** Whether a message needs what came before to make sense ("where is it?", "how much?"). */
    boolean leansOnContext(String text) {
        return followUps.leansOnContext(text);
    }

    /** The answer the retrieved pages give, or an honest "don't know" with the nearest pages. */
    BotReply answer(String conversationId, Understanding understanding, Retrieval chosen) {
        String query = chosen.query();
        List<Passage> passages = chosen.passages();
        List<RankedSource> sources = rankedPages(passages);
        double coverage = passages.isEmpty() ? 0 : passages.get(0).coverage();
        if (!answerability.answers(passages, query)) {
            return dontKnow(understanding, query, sources, passages, String.format(
                    "%s, below the floor %.2f%s", answerability.describe(passages), answerability.floor(),
                    chosen.note()));
        }
        List<Passage> evidence = withWholeBestPage(passages);
        Composition composition = composeGuarded(conversationId, query, evidence);
        if (composition.answer().isEmpty()) {
            return dontKnow(understanding, query, sources, passages, composition.note());
        }
        ComposedAnswer draft = composition.answer().get();
        Rationale why = new Rationale(understanding.intent(), coverage, String.format(
                "%s%s; %s", answerability.describe(passages), chosen.note(), composition.note()), query, sources);
        return new BotReply(draft.text(), Action.ANSWER, draft.citations(), List.of(), List.of(), why);
    }

    /** What was retrieved for one reading of a message, and how it was read. */
    record Retrieval(String query, List<Passage> passages, String note) {

        boolean bestPageIs(String url) {
            return !passages.isEmpty() && passages.get(0).url().equals(url);
        }
    }

    /**
     * Retrieves for the message read on its own and, when it is short and follows an answer, read
     * as a follow-up about that answer's page; the follow-up reading wins when that page answers
     * it. An explicit new topic ("and garden waste?") is read on its own unless that fails.
     */
    Retrieval retrieveInContext(String text, List<Turn> history) {
        Optional<FollowUpRewriter.Context> context = followUps.context(history);
        List<FollowUpRewriter.Reading> readings = followUps.readings(text, context);
        Retrieval literal = retrieve(readings.get(0));
        if (readings.size() == 1) {
            return literal;
        }
        Retrieval contextual = retrieve(readings.get(1));
        boolean contextualAnswers = answerability.answers(contextual.passages())
                && contextual.bestPageIs(context.get().page().url());
        if (!contextualAnswers) {
            return literal;
        }
        boolean literalAnswers = answerability.answers(literal.passages());
        if (followUps.namesNewTopic(text) && literalAnswers) {
            return literal;
        }
        // A message with a topic of its own that its own reading covers better is a new question,
        // whatever was asked before: "where is the register office" after garden waste prices.
        if (!followUps.leansOnContext(text) && literalAnswers
                && literal.passages().get(0).coverage() > contextual.passages().get(0).coverage()) {
            return literal;
        }
        return contextual;
    }

    private Retrieval retrieve(FollowUpRewriter.Reading reading) {
        String note = reading.note().equals("standalone") ? "" : "; read as " + reading.note();
        return new Retrieval(reading.query(), retriever.retrieve(KnowledgeQuery.of(reading.query(), retrievalDepth)), note);
    }

    /**
     * The retrieved passages, with those of the best page replaced by all of that page's passages
     * (best-ranked first, then the rest in page order) when the retriever can list them.
     */
    private List<Passage> withWholeBestPage(List<Passage> passages) {
        String bestUrl = passages.get(0).url();
        List<Passage> page = retriever.pagePassages(bestUrl);
        if (page.isEmpty()) {
            return passages;
        }
        Map<String, Passage> ordered = new LinkedHashMap<>();
        for (Passage passage : passages) {
            if (passage.url().equals(bestUrl)) {
                ordered.put(passage.chunkId(), passage);
            }
        }
        double coverage = passages.get(0).coverage();
        for (Passage passage : page) {
            ordered.putIfAbsent(passage.chunkId(), passage.rescored(0, coverage));
        }
        List<Passage> evidence = new ArrayList<>(ordered.values());
        passages.stream().filter(p -> !p.url().equals(bestUrl)).forEach(evidence::add);
        return evidence;
    }

    private BotReply dontKnow(Understanding understanding, String query, List<RankedSource> sources,
                              List<Passage> passages, String reason) {
        List<Citation> related = passages.stream().map(Passage::citation).distinct().limit(3).toList();
        double confidence = passages.isEmpty() ? 1.0 : 1.0 - passages.get(0).coverage();
        return new BotReply(replies.dontKnow(!related.isEmpty()), Action.DONT_KNOW, List.of(), related,
                List.of(StandardReplies.TALK_TO_PERSON),
                new Rationale(understanding.intent(), confidence, reason, query, sources));
    }

    /** One entry per page, in the order its first passage was retrieved. */
    private static List<RankedSource> rankedPages(List<Passage> passages) {
        Map<String, RankedSource> pages = new LinkedHashMap<>();
        for (Passage passage : passages) {
            pages.putIfAbsent(passage.url(),
                    new RankedSource(passage.url(), passage.title(), passage.score(), passage.coverage()));
        }
        return new ArrayList<>(pages.values());
    }

    /** The council's pages' answer to a question, with no intents in the way. */
    BotReply answer(String conversationId, String query, List<Turn> history) {
        return answer(conversationId, new Understanding(Understanding.QUESTION, 1.0, query),
                retrieveInContext(query, history));
    }
}
