package org.councilbot.core;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises smalltalk and requests for a person by rule; anything else is a question.
 *
 * <p>Smalltalk must be the whole message ("thanks, bye"), so "hi, when is my bin day" stays a
 * question.
 */
final class RuleIntentReader implements IntentReader {
    private static final Set<String> GREETING_ANCHORS = Set.of("hi", "hello", "hey", "hiya", "morning",
            "afternoon", "evening", "greetings", "howdy", "yo");
    private static final Set<String> THANKS_ANCHORS = Set.of("thanks", "thank", "cheers", "ta", "thx",
            "ty", "appreciated");
    private static final Set<String> GOODBYE_ANCHORS = Set.of("bye", "goodbye", "cheerio", "later",
            "tara", "night", "farewell");
    // Words that may accompany the anchors without turning the message into a question.
    private static final Set<String> FILLER = Set.of("good", "there", "you", "very", "much", "so", "that",
            "thats", "that's", "is", "was", "great", "brilliant", "lovely", "perfect", "helpful", "ok",
            "okay", "all", "for", "now", "see", "a", "lot", "many", "really", "again", "oh", "and",
            "nice", "one", "have", "day", "bot", "everyone", "team", "the", "it", "its", "it's",
            "fab", "super", "cool", "excellent", "kind", "of", "your", "help", "mate", "then");
    private static final Pattern PERSON = Pattern.compile(
            "\\b(speak|talk|chat)\\s+(to|with)\\s+(a\\s+|an\\s+|some\\s+)?(real\\s+|actual\\s+|live\\s+)?"
                    + "(person|human|advis[eo]r|agent|operator|someone|somebody|staff|officer|member of staff)\\b"
                    + "|\\bput me through\\b|\\breal person\\b|\\bhuman being\\b|\\b(an?|the) (advis[eo]r|operator)\\b");
    private static final Pattern WORD = Pattern.compile("[^\\p{L}\\p{N}']+");

    @Override
    public Understanding understand(String text, List<Turn> history) {
        String lower = text.toLowerCase(Locale.ROOT).replace('’', '\'');
        if (PERSON.matcher(lower).find()) {
            return new Understanding(Understanding.ASK_FOR_PERSON, 0.9, text);
        }
        String[] words = WORD.split(lower.strip());
        boolean greeting = false;
        boolean thanks = false;
        boolean goodbye = false;
        int counted = 0;
        for (String word : words) {
            if (word.isEmpty()) {
                continue;
            }
            counted++;
            if (GREETING_ANCHORS.contains(word)) {
                greeting = true;
            } else if (THANKS_ANCHORS.contains(word)) {
                thanks = true;
            } else if (GOODBYE_ANCHORS.contains(word)) {
                goodbye = true;
            } else if (!FILLER.contains(word)) {
                return new Understanding(Understanding.QUESTION, 1.0, text);
            }
        }
        if (counted == 0) {
            return new Understanding(Understanding.QUESTION, 1.0, text);
        }
        if (goodbye) {
            return new Understanding(Understanding.GOODBYE, 0.95, "");
        }
        if (thanks) {
            return new Understanding(Understanding.THANKS, 0.95, "");
        }
        if (greeting) {
            return new Understanding(Understanding.GREETING, 0.95, "");
        }
        return new Understanding(Understanding.QUESTION, 1.0, text);
    }
}
