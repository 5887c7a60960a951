package org.councilbot.evals;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.councilbot.core.Action;

/**
 * What happened on one turn of a run: the expectation beside the reply, or the error.
 *
 * @param caseId      the case
 * @param turn        1-based position in the case
 * @param tags        the case's tags
 * @param user        the message sent
 * @param expect      what the bot had to do
 * @param got         the action's wire name, or {@code error} when sending failed
 * @param text        the reply text; empty on error
 * @param citations   cited urls, in reply order
 * @param sources     urls of the pages the engine consulted, in retrieval order
 * @param query       the engine's retrieval query; empty when it retrieved nothing
 * @param serviceCode the Open311 service of the form the reply started, if the bot reports one
 * @param error       what went wrong, when {@code got} is {@code error}
 * @param latencyMs   time spent in send
 * @param form        the form the reply is about, if the bot reports one
 * @param why         the engine's own account of its decision (intent and reason), for failure reports
 */
record TurnRecord(String caseId, int turn, List<String> tags, String user, Expectation expect, String got,
                  String text, List<String> citations, List<String> sources, String query,
                  Optional<String> serviceCode, Optional<String> error, double latencyMs,
                  Optional<FormSnapshot> form, String why) {
    static final String ERROR = "error";

    TurnRecord {
        Objects.requireNonNull(caseId, "caseId");
        tags = List.copyOf(tags);
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(expect, "expect");
        Objects.requireNonNull(got, "got");
        Objects.requireNonNull(text, "text");
        citations = List.copyOf(citations);
        sources = List.copyOf(sources);
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(serviceCode, "serviceCode");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(why, "why");
    }

    /** A turn without the engine's reasons. */
    TurnRecord(String caseId, int turn, List<String> tags, String user, Expectation expect, String got, String text,
               List<String> citations, List<String> sources, String query, Optional<String> serviceCode,
               Optional<String> error, double latencyMs, Optional<FormSnapshot> form) {
        this(caseId, turn, tags, user, expect, got, text, citations, sources, query, serviceCode, error, latencyMs,
                form, "");
    }

    /** A turn without form information. */
    TurnRecord(String caseId, int turn, List<String> tags, String user, Expectation expect, String got, String text,
               List<String> citations, List<String> sources, String query, Optional<String> serviceCode,
               Optional<String> error, double latencyMs) {
        this(caseId, turn, tags, user, expect, got, text, citations, sources, query, serviceCode, error, latencyMs,
                Optional.empty());
    }

    String expected() {
        return expect.action().wireName();
    }

    boolean expects(Action action) {
        return expect.action() == action;
    }

    boolean got(Action action) {
        return got.equals(action.wireName());
    }

    boolean actionCorrect() {
        return got.equals(expected());
    }

    boolean errored() {
        return error.isPresent();
    }

    /** The query a retriever is measured with: the engine's own (it may be a rewritten follow-up), else the message. */
    String retrievalQuery() {
        return query.isBlank() ? user : query;
    }
}
