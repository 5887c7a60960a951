package org.councilbot.evals;

import java.util.Map;
import java.util.Optional;
import org.councilbot.core.BotReply;
import org.councilbot.core.KnowledgeRetriever;

/**
 * The chatbot under evaluation, as the runner sees it: conversations, replies and the retrievers
 * whose rankings are compared side by side.
 *
 * <p>The real implementation builds the engine from a suite's corpus exactly as the server does;
 * tests use a scripted one, so every metric can be checked against hand-computed numbers.
 */
public interface SuiteBot extends AutoCloseable {

    /** How the suite's catalogue services were linked to built-in types, for results.json. */
    default java.util.List<org.councilbot.core.ServiceLink> serviceLinks() {
        return java.util.List.of();
    }

    /** Starts a fresh conversation and returns its id. */
    String startConversation();

    /**
     * Sends one resident message and returns the reply.
     *
     * <p>May throw what the engine throws for a message it cannot handle (for example
     * {@code InvalidMessageException}); the runner records that turn as an error and goes on.
     */
    BotReply send(String conversationId, String text);

    /** The retrievers that can be measured, by report name (for example {@code bm25}, {@code hybrid}). */
    Map<String, KnowledgeRetriever> retrievers();

    /** The key in {@link #retrievers()} of the retriever the engine itself answers with. */
    String defaultRetriever();

    /**
     * The Open311 service code of the form that {@code reply} started or continued, if any.
     *
     * <p>Replies carry no form state of their own, so an implementation that can tell (from the
     * engine's form state for that conversation) overrides this; without it, every expected
     * {@code service_code} counts as missed.
     */
    /** The form the reply is about, when the bot reports forms; used to score slots and completion. */
    default Optional<FormSnapshot> form(String conversationId, BotReply reply) {
        return Optional.empty();
    }

    default Optional<String> serviceCode(String conversationId, BotReply reply) {
        return Optional.empty();
    }

    /** Releases the index, store and temporary files; never throws a checked exception. */
    @Override
    void close();
}
