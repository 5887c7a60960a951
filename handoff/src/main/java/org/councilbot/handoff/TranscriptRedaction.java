package org.councilbot.handoff;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.councilbot.core.BotReply;
import org.councilbot.core.FormState;
import org.councilbot.core.PiiRedactor;
import org.councilbot.core.Rationale;
import org.councilbot.core.Turn;

/**
 * Takes residents' personal data out of a turn before it is stored.
 *
 * <p>Redacted: the resident's message, the retrieval query and reason derived from it, and in replies
 * about a service-request form the text and quick replies, which repeat the resident's answers.
 * Other replies are kept as written: they quote the council's pages and numbers. The answers of an
 * open form are kept as given in the turn that holds it, because the engine continues the form from
 * the latest turn; {@link #withFormAnswersRedacted(BotReply)} redacts them once a later turn exists.
 * The submitted request itself goes to the outbox unredacted and is not touched here.
 */
final class TranscriptRedaction {
    private final PiiRedactor redactor;

    TranscriptRedaction(PiiRedactor redactor) {
        this.redactor = redactor;
    }

    /** The turn as it is to be stored. */
    Turn forStorage(Turn turn) {
        BotReply reply = turn.reply();
        boolean aboutForm = reply.form().isPresent();
        BotReply stored = new BotReply(aboutForm ? redactor.redact(reply.text()) : reply.text(), reply.action(),
                reply.citations(), reply.related(),
                aboutForm ? reply.quickReplies().stream().map(redactor::redact).toList() : reply.quickReplies(),
                rationale(reply.why()), reply.form().map(form -> form.isOpen() ? form : redacted(form)));
        return new Turn(turn.conversationId(), turn.sequence(), redactor.redact(turn.residentText()), stored,
                turn.at());
    }

    /** Whether the stored turn still holds form answers as the resident gave them. */
    static boolean holdsFormAnswers(Turn stored) {
        return stored.reply().form().filter(FormState::isOpen).isPresent();
    }

    /** The reply with its form's answers redacted, for a turn that is no longer the latest. */
    BotReply withFormAnswersRedacted(BotReply reply) {
        return new BotReply(reply.text(), reply.action(), reply.citations(), reply.related(), reply.quickReplies(),
                reply.why(), reply.form().map(this::redacted));
    }

    private Rationale rationale(Rationale why) {
        return new Rationale(why.intent(), why.confidence(), redactor.redact(why.reason()),
                redactor.redact(why.query()), why.sources());
    }

    private FormState redacted(FormState form) {
        Map<String, List<String>> answers = form.answers().entrySet().stream().collect(Collectors.toMap(
                Map.Entry::getKey, entry -> entry.getValue().stream().map(redactor::redact).toList()));
        return new FormState(form.serviceCode(), form.serviceName(), form.stage(), answers, form.fields(),
                form.current(), form.reference(), form.councilReference());
    }
}
