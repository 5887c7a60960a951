package org.councilbot.evals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.councilbot.core.Action;
import org.councilbot.core.BotReply;
import org.councilbot.core.Citation;
import org.councilbot.core.CouncilbotException;
import org.councilbot.core.KnowledgeQuery;
import org.councilbot.core.KnowledgeRetriever;
import org.councilbot.core.Passage;
import org.councilbot.core.RankedSource;

/**
 * Runs every case of a suite through the bot, one new conversation per case, then measures each
 * named retriever on the answer turns.
 *
 * <p>A failing turn is recorded and the run goes on: one bad reply must not hide the other results.
 */
final class SuiteRunner {
    static final int RETRIEVAL_DEPTH = 10;

    private final SuiteBot bot;
    private final List<String> retrieverNames;
    private final LongSupplier nanoTime;

    /**
     * @param retrieverNames keys of {@link SuiteBot#retrievers()}, checked by the caller
     * @param nanoTime       the clock for latencies ({@code System::nanoTime} outside tests)
     */
    SuiteRunner(SuiteBot bot, List<String> retrieverNames, LongSupplier nanoTime) {
        this.bot = bot;
        this.retrieverNames = List.copyOf(retrieverNames);
        this.nanoTime = nanoTime;
    }

    RunRecord run(Suite suite) {
        List<TurnRecord> turns = new ArrayList<>();
        for (SuiteCase suiteCase : suite.cases()) {
            turns.addAll(runCase(suiteCase));
        }
        List<String> warnings = new ArrayList<>(suite.warnings());
        long withSlots = turns.stream().filter(t -> !t.expect().slots().isEmpty()).count();
        if (withSlots > 0 && turns.stream().noneMatch(t -> t.form().isPresent())) {
            // Said rather than skipped silently: a suite author could otherwise believe they are checked.
            warnings.add(withSlots + " turn(s) expect slots, which are not scored: the bot under test does not "
                    + "report the submitted request");
        }
        List<TurnRecord> answerTurns = turns.stream().filter(t -> t.expects(Action.ANSWER)).toList();
        Map<String, List<RetrievalRecord>> retrieval = new LinkedHashMap<>();
        for (String name : retrieverNames) {
            List<RetrievalRecord> records = probe(bot.retrievers().get(name), answerTurns);
            records.forEach(r -> r.error().ifPresent(e -> warnings.add("retriever " + name + " failed on case "
                    + r.caseId() + " turn " + r.turn() + ": " + e)));
            retrieval.put(name, records);
        }
        return new RunRecord(suite.name(), bot.defaultRetriever(), suite.cases().size(), turns, retrieval, warnings);
    }

    private List<TurnRecord> runCase(SuiteCase suiteCase) {
        List<TurnRecord> records = new ArrayList<>();
        String conversation;
        try {
            conversation = bot.startConversation();
        } catch (RuntimeException e) {
            for (int i = 0; i < suiteCase.turns().size(); i++) {
                records.add(failed(suiteCase, i, "could not start a conversation: " + describe(e), 0));
            }
            return records;
        }
        for (int i = 0; i < suiteCase.turns().size(); i++) {
            CaseTurn turn = suiteCase.turns().get(i);
            long start = nanoTime.getAsLong();
            BotReply reply;
            try {
                reply = bot.send(conversation, turn.user());
            } catch (RuntimeException e) {
                records.add(failed(suiteCase, i, describe(e), millisSince(start)));
                continue;
            }
            double latency = millisSince(start);
            Optional<String> serviceCode = bot.serviceCode(conversation, reply);
            records.add(new TurnRecord(suiteCase.id(), i + 1, suiteCase.tags(), turn.user(), turn.expect(),
                    reply.action().wireName(), reply.text(), reply.citations().stream().map(Citation::url).toList(),
                    reply.why().sources().stream().map(RankedSource::url).toList(), reply.why().query(),
                    serviceCode, Optional.empty(), latency, bot.form(conversation, reply),
                    reply.why().intent() + ": " + reply.why().reason()));
        }
        return records;
    }

    private List<RetrievalRecord> probe(KnowledgeRetriever retriever, List<TurnRecord> answerTurns) {
        if (!answerTurns.isEmpty()) {
            // One unmeasured query first, so that class loading and JIT warm-up shared by all
            // retrievers are not charged to whichever happens to be measured first.
            retrieve(retriever, answerTurns.get(0).retrievalQuery());
        }
        List<RetrievalRecord> records = new ArrayList<>();
        for (TurnRecord turn : answerTurns) {
            String query = turn.retrievalQuery();
            long start = nanoTime.getAsLong();
            Ranking ranking = retrieve(retriever, query);
            records.add(new RetrievalRecord(turn.caseId(), turn.turn(), query, ranking.urls(), turn.expect().docs(),
                    millisSince(start), ranking.error()));
        }
        return records;
    }

    private static Ranking retrieve(KnowledgeRetriever retriever, String query) {
        try {
            return new Ranking(retriever.retrieve(KnowledgeQuery.of(query, RETRIEVAL_DEPTH)).stream()
                    .map(Passage::url).toList(), Optional.empty());
        } catch (RuntimeException e) {
            return new Ranking(List.of(), Optional.of(describe(e)));
        }
    }

    private TurnRecord failed(SuiteCase suiteCase, int index, String message, double latencyMs) {
        CaseTurn turn = suiteCase.turns().get(index);
        return new TurnRecord(suiteCase.id(), index + 1, suiteCase.tags(), turn.user(), turn.expect(),
                TurnRecord.ERROR, "", List.of(), List.of(), "", Optional.empty(), Optional.of(message), latencyMs);
    }

    private double millisSince(long start) {
        return (nanoTime.getAsLong() - start) / 1_000_000.0;
    }

    /** Our own exceptions carry a message meant for people; anything else is named by its type too. */
    private static String describe(RuntimeException e) {
        if (e instanceof CouncilbotException councilbot) {
            return councilbot.code() + ": " + councilbot.getMessage();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private record Ranking(List<String> urls, Optional<String> error) {
    }
}
