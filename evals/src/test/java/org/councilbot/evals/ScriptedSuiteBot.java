package org.councilbot.evals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.councilbot.core.Action;
import org.councilbot.core.BotReply;
import org.councilbot.core.Citation;
import org.councilbot.core.KnowledgeQuery;
import org.councilbot.core.KnowledgeRetriever;
import org.councilbot.core.Passage;
import org.councilbot.core.RankedSource;
import org.councilbot.core.Rationale;
import org.councilbot.core.UnknownConversationException;

/**
 * A deterministic bot for tests: replies and rankings are scripted by message text, each call
 * moves a {@link FakeTicker} by a scripted time, and conversations are checked like the engine
 * does (unknown id, use after close).
 */
final class ScriptedSuiteBot implements SuiteBot {
    /** What the bot does with one message text. */
    record Script(Action action, String text, List<String> citations, List<String> sources, String query,
                  Optional<String> serviceCode, Optional<RuntimeException> failure, double latencyMs) {
        static Script reply(Action action, String text) {
            return new Script(action, text, List.of(), List.of(), "", Optional.empty(), Optional.empty(), 1);
        }

        static Script failure(RuntimeException failure) {
            return new Script(Action.DONT_KNOW, "", List.of(), List.of(), "", Optional.empty(), Optional.of(failure), 1);
        }

        Script cites(String... urls) {
            return new Script(action, text, List.of(urls), sources, query, serviceCode, failure, latencyMs);
        }

        Script sources(String... urls) {
            return new Script(action, text, citations, List.of(urls), query, serviceCode, failure, latencyMs);
        }

        Script query(String retrievalQuery) {
            return new Script(action, text, citations, sources, retrievalQuery, serviceCode, failure, latencyMs);
        }

        Script serviceCode(String code) {
            return new Script(action, text, citations, sources, query, Optional.of(code), failure, latencyMs);
        }

        Script takes(double millis) {
            return new Script(action, text, citations, sources, query, serviceCode, failure, millis);
        }
    }

    private final Map<String, Script> scripts;
    private final Map<String, KnowledgeRetriever> retrievers;
    private final String defaultRetriever;
    private final FakeTicker ticker;
    private final List<String> conversations = new ArrayList<>();
    private final List<String> sent = new ArrayList<>();
    private final Map<String, Optional<String>> serviceCodes = new HashMap<>();
    private boolean closed;

    private ScriptedSuiteBot(Builder builder) {
        this.scripts = Map.copyOf(builder.scripts);
        this.retrievers = new LinkedHashMap<>(builder.retrievers);
        this.defaultRetriever = builder.defaultRetriever;
        this.ticker = builder.ticker;
    }

    static Builder builder(FakeTicker ticker) {
        return new Builder(ticker);
    }

    @Override
    public String startConversation() {
        checkOpen();
        String id = "c" + (conversations.size() + 1);
        conversations.add(id);
        return id;
    }

    @Override
    public BotReply send(String conversationId, String text) {
        checkOpen();
        if (!conversations.contains(conversationId)) {
            throw new UnknownConversationException(conversationId);
        }
        sent.add(conversationId + ": " + text);
        Script script = scripts.getOrDefault(text,
                Script.reply(Action.DONT_KNOW, "Sorry, I couldn't find an answer to that."));
        ticker.advanceMillis(script.latencyMs());
        if (script.failure().isPresent()) {
            throw script.failure().get();
        }
        serviceCodes.put(conversationId, script.serviceCode());
        List<RankedSource> sources = script.sources().stream()
                .map(url -> new RankedSource(url, "Page " + url, 1.0, 0.8)).toList();
        return new BotReply(script.text(), script.action(),
                script.citations().stream().map(url -> new Citation("Page " + url, url)).toList(), List.of(),
                List.of(), new Rationale("scripted", 0.9, "scripted reply", script.query(), sources));
    }

    @Override
    public Optional<String> serviceCode(String conversationId, BotReply reply) {
        return serviceCodes.getOrDefault(conversationId, Optional.empty());
    }

    @Override
    public Map<String, KnowledgeRetriever> retrievers() {
        return retrievers;
    }

    @Override
    public String defaultRetriever() {
        return defaultRetriever;
    }

    @Override
    public void close() {
        closed = true;
    }

    boolean closed() {
        return closed;
    }

    /** Conversation ids started, in order. */
    List<String> conversations() {
        return List.copyOf(conversations);
    }

    /** "conversation: text" for every message sent, in order. */
    List<String> sent() {
        return List.copyOf(sent);
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("bot already closed");
        }
    }

    static final class Builder {
        private final FakeTicker ticker;
        private final Map<String, Script> scripts = new HashMap<>();
        private final Map<String, KnowledgeRetriever> retrievers = new LinkedHashMap<>();
        private String defaultRetriever = "";

        private Builder(FakeTicker ticker) {
            this.ticker = ticker;
        }

        Builder on(String text, Script script) {
            scripts.put(text, script);
            return this;
        }

        /** A retriever returning the scripted page urls per query (none for other queries), taking the given ms per query. */
        Builder retriever(String name, Map<String, List<String>> urlsByQuery, Map<String, Double> millisByQuery) {
            retrievers.put(name, new ScriptedRetriever(name, Map.copyOf(urlsByQuery), Map.copyOf(millisByQuery), ticker));
            if (defaultRetriever.isEmpty()) {
                defaultRetriever = name;
            }
            return this;
        }

        Builder defaultRetriever(String name) {
            defaultRetriever = name;
            return this;
        }

        ScriptedSuiteBot build() {
            return new ScriptedSuiteBot(this);
        }
    }

    private record ScriptedRetriever(String name, Map<String, List<String>> urlsByQuery,
                                     Map<String, Double> millisByQuery, FakeTicker ticker)
            implements KnowledgeRetriever {
        @Override
        public List<Passage> retrieve(KnowledgeQuery query) {
            ticker.advanceMillis(millisByQuery.getOrDefault(query.text(), 1.0));
            List<String> urls = urlsByQuery.getOrDefault(query.text(), List.of());
            List<Passage> passages = new ArrayList<>();
            for (int i = 0; i < Math.min(urls.size(), query.limit()); i++) {
                passages.add(new Passage(name + "-" + i, urls.get(i), "Page " + urls.get(i), List.of(), "", "text",
                        1.0 / (i + 1), 0.5));
            }
            return passages;
        }
    }
}
