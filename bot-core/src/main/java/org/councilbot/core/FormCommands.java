package org.councilbot.core;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a message inside a form asks of the form itself rather than answers: cancel, skip, go back,
 * correct or change an answer, or a question for the council's pages.
 */
final class FormCommands {
    private static final Pattern CANCEL = Pattern.compile("\\b(cancel( (this|that|it|the report|my report|the form|"
            + "please|everything))?|never ?mind|forget (it|this|that|about it)|abandon( (it|this|that))?|"
            + "scrap (it|this|that)|don'?t bother|do not bother|don'?t send( it)?|do not send( it)?|"
            + "stop (this|the report|my report))\\b|^(stop|quit|exit)\\b");
    /** "Don't cancel it, send it": the cancel word said to rule cancelling out. */
    private static final Pattern NOT_CANCEL = Pattern.compile("\\b(don'?t|do not|not|no need to|never)\\s+(cancel|stop|"
            + "abandon|scrap)\\b");
    private static final Pattern SEND = Pattern.compile("\\b(send|submit)( it| this| that| the report| my report)?\\b");
    private static final Pattern NOT_SEND = Pattern.compile("\\b(don'?t|do not|not|never)\\s+(send|submit)\\b");
    private static final Pattern SKIP = Pattern.compile("^(skip|skip it|skip this|skip that|pass|n/?a|none|nothing|"
            + "no|nope|nah|no thanks|no thank you|not sure|unsure|don'?t know|dont know|i don'?t know|i dont know|"
            + "no idea|dunno|can'?t remember|cant remember|rather not say|prefer not to say|not applicable)"
            + "( thanks| thank you| sorry)?[.!]?$");
    private static final Pattern NEGATIVE_START = Pattern.compile("^(no|nope|nah|none|nothing|not really|"
            + "that'?s (all|it|everything)|thats (all|it|everything))\\b");
    /** Words that may follow "no" in "no, that's all thanks" without saying anything more. */
    private static final Set<String> NOTHING_MORE = Set.of("no", "nope", "nah", "none", "nothing", "not", "really",
            "thats", "that", "s", "is", "it", "all", "everything", "else", "thanks", "thank", "you", "ta", "i", "dont",
            "don", "t", "think", "so", "more", "to", "add", "ok", "okay", "fine", "sorry", "cheers", "im", "m", "good");
    private static final Pattern DENIAL = Pattern.compile("\\b(no|not|none|never|without|nothing|n'?t|arent|isnt|"
            + "hasnt|havent|doesnt|dont|cant|couldnt|wasnt|werent)\\b");
    private static final Pattern BACK = Pattern.compile("^(go back|back|previous|previous question|undo|back a step|"
            + "step back)[.!]?$|^(go back|back a step|step back|undo that)\\b");
    private static final Pattern BACK_ANYWHERE = Pattern.compile("\\b(go back|previous question|back a step)\\b");
    private static final Pattern CORRECTS = Pattern.compile("\\b(actually|sorry|i meant|i mean|meant to say|go back|"
            + "wrong|mistake|oops|correction|should have said|not the|instead)\\b");
    private static final Pattern CORRECTS_FIRMLY = Pattern.compile("\\b(i meant|meant to say|should have said|"
            + "oops|correction)\\b|^(go back|no,? sorry,? i meant)\\b");
    private static final Pattern CHANGE = Pattern.compile("\\b(change|changing|edit|correct|fix|wrong|update|amend|"
            + "mistake|typo|should be|should have been|should say)\\b");
    // Words that only ever mean editing an answer, even in a question ("can I change the address?").
    private static final Pattern EDIT = Pattern.compile("\\b(change|changing|edit|correct|amend|wrong|mistake|typo)\\b");
    private static final Pattern CHANGE_VERB = Pattern.compile("\\b(change|edit|correct|fix|update|amend)\\b");
    private static final Pattern CLAUSES = Pattern.compile("[,;.:!]|\\b(?:but|and|so)\\b");

    private FormCommands() {
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT).replace('\u2019', '\'').strip();
    }

    /**
     * Whether the resident wants to stop the form. In a free-text answer the words must come early or
     * the message be short: "I had to cancel my plans because of the noise" is an answer.
     */
    static boolean cancels(String lower, boolean freeText) {
        java.util.regex.Matcher cancel = CANCEL.matcher(lower);
        if (!cancel.find() || NOT_CANCEL.matcher(lower).find()) {
            return false;
        }
        if (!freeText) {
            return true;
        }
        int wordsBefore = lower.substring(0, cancel.start()).isBlank() ? 0
                : lower.substring(0, cancel.start()).strip().split("\\s+").length;
        return wordsBefore <= 3 || lower.split("\\s+").length <= 8;
    }

    /** "Send it", "ok submit the report", "don't cancel, send it" (but not "don't send it"). */
    static boolean sends(String lower) {
        return SEND.matcher(lower).find() && !NOT_SEND.matcher(lower).find();
    }

    /** "skip", "none", "not sure", "no idea": the whole message declines to answer. */
    static boolean skips(String lower) {
        return SKIP.matcher(lower).matches();
    }

    /** "no that's all", "nope", "nothing else thanks": nothing more to add, said as a free-text answer. */
    static boolean saysNothingMore(String lower) {
        if (!NEGATIVE_START.matcher(lower).find()) {
            return false;
        }
        for (String word : lower.replace("'", "").split("[^a-z]+")) {
            if (!word.isEmpty() && !NOTHING_MORE.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /**
     * "There aren't any plates on it", "it hasn't got one": a short answer that says there is nothing
     * to give (and gives no number), to an optional short question.
     */
    static boolean denies(String lower) {
        return saysNothingMore(lower) || (DENIAL.matcher(lower.replace("'", "")).find() && !lower.matches(".*\\d.*")
                && lower.split("\\s+").length <= 10);
    }

    /** "Go back", "back", "previous question"; in a free-text answer only at the start ("back of the house" is a place). */
    static boolean goesBack(String lower, boolean freeText) {
        return BACK.matcher(lower).find() || !freeText && BACK_ANYWHERE.matcher(lower).find();
    }

    /** Words that say an earlier answer was wrong; a free-text answer needs them said plainly. */
    static boolean corrects(String lower, boolean freeText) {
        return (freeText ? CORRECTS_FIRMLY : CORRECTS).matcher(lower).find();
    }

    /**
     * Words asking to change an answer; in a free-text answer only a plain verb counts ("change the
     * bin type"), as residents describe problems with "wrong" and "mistake" too.
     */
    static boolean asksToChange(String lower, boolean freeText) {
        if (asksQuestion(lower, false) && !EDIT.matcher(lower).find()) {
            // "How quickly do you fix dangerous potholes?" asks about the council's work, not to fix an answer.
            return false;
        }
        return (freeText ? CHANGE_VERB : CHANGE).matcher(lower).find();
    }

    /**
     * Whether a message is a question rather than an answer. For free-text answers only a question
     * mark after a question word counts: residents describe problems in all sorts of ways.
     */
    static boolean asksQuestion(String lower, boolean freeText) {
        if (lower.endsWith("?")) {
            // "It's got no tax either, do I report that to you?": the question may be the last clause.
            for (String clause : CLAUSES.split(lower)) {
                if (QuestionWording.opensWithQuestionWord(clause.strip())) {
                    return true;
                }
            }
        }
        return !freeText && QuestionWording.opensAsQuestion(lower) && lower.split("\\s+").length >= 3;
    }
}
