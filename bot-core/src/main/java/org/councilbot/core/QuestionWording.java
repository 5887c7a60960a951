package org.councilbot.core;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a resident's message asks rather than tells, read from its wording: the one place the
 * engine and its forms learn how residents phrase questions, with or without a question mark.
 */
final class QuestionWording {
    /** The ways questions are put: "how long does", "when is", "can I", "is there"... */
    private static final String QUESTION_PHRASE = "(how (long|much|many|often|soon|quickly|do|does|"
            + "can|will|should|would|is|are)|when (is|are|will|do|does|can|should|would)|what (is|are|was|does|do|"
            + "happens|happen|time|if|about)|what'?s|whats|why (is|are|do|does|did|has|have|won'?t|can'?t|isn'?t)|"
            + "who (is|are|do|does|should|will|can)|where (is|are|do|does|can|should) (i|we|you|the)|"
            + "can (i|we|you|someone|somebody)|could (i|we|you)|do (i|we|you|they)|does (it|the|this|that)|"
            + "will (it|you|they|someone|somebody|the)|is (it|there|this|that)|are (there|they|you)|should (i|we)|"
            + "am i|have you|has (it|anyone|someone))";
    private static final Pattern OPENING = Pattern.compile("^" + QUESTION_PHRASE + "\\b");
    private static final Pattern ANYWHERE = Pattern.compile("\\b" + QUESTION_PHRASE + "\\b");
    private static final Pattern QUESTION_WORD = Pattern.compile("^(what|whats|what's|when|where|which|who|why|how|can|"
            + "could|do|does|is|are|will|should|would|am|have|has)\\b");
    /** Opening words of a question that asks to know something rather than to have something done. */
    private static final Pattern TO_KNOW = Pattern.compile(
            "^(?:(when|what|what's|whats|which|where|why|who|is|are|does|will|how (long|much|many|often|soon|quickly|"
                    + "deep|big|far|wide|high|tall|old|large|bad))\\b"
                    + "|(and|also|what about|how about)\\b.*\\?$"
                    // Keyword questions that open with the fact wanted: "fine for not picking up dog poo".
                    + "|(the )?(fines?|penalty|penalties|costs?|price|prices|fees?|charges? for|rules (on|about|for)|"
                    + "opening (hours|times)|deadline|deadlines|closing date)\\b)");

    /** Question phrases that ask to know a fact, wherever they come: "bin was missed, how long have i got". */
    private static final Pattern TO_KNOW_ANYWHERE = Pattern.compile("\\b(how (long|much|many|often|soon|quickly|"
            + "deep|big|far|wide|high|tall|old|large|bad)|"
            + "when (is|are|will|do|does|can|should|would)|what (is|are|happens|time)|why (is|are|do|does|did|has|"
            + "have|won'?t|isn'?t|hasn'?t))\\b");

    private QuestionWording() {
    }

    /** Opens the way questions do ("how long does it take..."), lower-cased text. */
    static boolean opensAsQuestion(String lower) {
        return OPENING.matcher(lower).find();
    }

    /** A question mark, or a question put anywhere in it ("bin men didn't come, how long do i wait"). */
    static boolean asksAnywhere(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.contains("?") || ANYWHERE.matcher(lower).find();
    }

    /** A clause that starts with a question word, lower-cased text. */
    static boolean opensWithQuestionWord(String lowerClause) {
        return QUESTION_WORD.matcher(lowerClause).find();
    }

    /**
     * Asks to know something anywhere in the message: a report that comes with a question about
     * the service ("bin was missed this morning how long have i got to report it") wants the answer
     * first. A request put as a question ("can you come back for it?") is not asking to know.
     */
    static boolean asksToKnowAnywhere(String text) {
        return asksToKnow(text) || TO_KNOW_ANYWHERE.matcher(text.toLowerCase(Locale.ROOT)).find();
    }

    /**
     * "When is...", "how long...", "what is the fine...", "fine for dog fouling": asking to know
     * something, not to do it.
     */
    static boolean asksToKnow(String text) {
        return TO_KNOW.matcher(text.toLowerCase(Locale.ROOT).strip()).find();
    }
}
