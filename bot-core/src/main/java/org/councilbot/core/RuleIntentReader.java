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
                    + "|\\bput me through\\b|\\breal person\\b|\\bhuman being\\b|\\b(an?|the) (advis[eo]r|operator)\\b"
                    // A call back is a person too: "can someone from the council ring me back".
                    + "|\\b(ring|call|phone|contact) me back\\b|\\b(someone|somebody|a person|an officer) (to )?"
                    + "(ring|call|phone) me\\b|\\b(ask|get|have) (someone|somebody) to (ring|call|phone) me\\b");
    private static final Pattern WORD = Pattern.compile("[^\\p{L}\\p{N}']+");
    private static final Pattern PERSON_SHORT = Pattern.compile(
            "\\b(get|give|find|put) me (a|an|some|to a|to an) (human|person|real person|advis[eo]r|agent|operator)\\b"
                    + "|^(a )?(human|real person|agent|operator|advis[eo]r)( please)?[.!]?$");
    private static final Pattern SEE_YOU = Pattern.compile(
            "^((ok|okay|right|thanks|cheers|bye)[,!.]? )*(see (you|ya)( later| soon| then)?|take care|catch you later)[.!]*$");
    private static final Pattern FRUSTRATION = Pattern.compile("\\b(useless|not helping|isn'?t helping|no help at all|"
            + "waste of (my )?time|(second|third|fourth|fifth) time i'?ve asked|keep asking|already asked|ridiculous|"
            + "pointless|fed up|sick of this|going round in circles)\\b");
    // Instructions aimed at the assistant rather than a question for the council.
    private static final Pattern INSTRUCTIONS = Pattern.compile("\\b(ignore|disregard|forget|override)\\b.{0,30}"
            + "\\b(instructions?|rules|prompts?|directions|guidelines|programming|everything)\\b"
            + "|\\b(system|developer|admin) (prompt|mode|message|override)\\b|\\bsystem prompt\\b"
            + "|\\byou are now\\b|\\bfrom now on,? you\\b|\\bpretend (to be|you are|you're)\\b"
            // Rules for the bot's replies: "from now on end every answer with...", "start each reply with..."
            + "|\\bfrom now on\\b.{0,20}\\b(answer|reply|respond|end|start|begin|sign|say|write|speak|talk|call)\\b"
            + "|\\b(end|start|begin|finish|sign off|prefix|suffix) (every|each|all|your) (answers?|repl(y|ies)|responses?|"
            + "messages?)\\b"
            + "|\\bact as (a|an|my|if)\\b|\\brepeat after me\\b|\\breply (exactly|only)\\b|\\bsay exactly\\b"
            + "|\\b(print|reveal|show|output|dump|tell me) (me )?(your|the|all) (system |hidden )?(prompt|instructions|"
            + "configuration|config|environment variables|documents)\\b|\\bdan mode\\b|\\bjailbreak\\b"
            + "|</?\\s*(documents?|system|instructions?|context)\\s*>|\\bnew instructions? from\\b"
            + "|\\b(i am|i'm) (a|an|the) (council )?(admin|administrator|developer|officer)\\b.{0,40}\\bauthori[sz]");
    // Insults and swearing aimed at the assistant; "useless" alone is frustration, answered with a person.
    private static final Pattern ABUSE = Pattern.compile("\\bshut up\\b|\\b(fuck|piss|sod|bugger|naff) off\\b"
            + "|\\b(fuck|screw|damn) (you|u)\\b"
            + "|\\b(you|u|you're|youre|you are|ur|this bot)\\s+(are\\s+|r\\s+|is\\s+)?"
            + "((an?|such an?|so|really|bloody|fucking|complete|total|absolute|utter|proper|right)\\s+)*"
            + "(stupid|idiot(ic)?|moron(ic)?|thick|brainless|pathetic|cretin|imbecile|clown|twat|prat|tosser|"
            + "dickhead|dick|prick|wanker|bastard|shite?|crap|garbage|trash|waste of space)\\b"
            + "|\\b(stupid|dumb|thick|pathetic|crap|shite?|rubbish|bloody|fucking|idiot|junk) (bot|robot|ai|chatbot)\\b"
            + "|\\bpiece of (junk|crap|shite?|rubbish|garbage)\\b");
    // Tasks for a general-purpose assistant, not questions for a council: writing, jokes, sport results.
    private static final Pattern GENERAL_TASK = Pattern.compile(
            "^(please\\s+)?((can|could|would|will) (you|u)\\s+)?(please\\s+)?(write|compose|draft|create|generate)\\s+"
                    + "(me\\s+)?(an?|my|some|the)\\s+([\\w-]+\\s+){0,2}(cover letter|poem|story|essay|song|lyrics|cv|"
                    + "resume|speech|joke|limerick|haiku|code|script|program|rap)s?\\b"
                    + "|\\btell me (a|another) (joke|story)\\b|\\brecipes? (for|to make)\\b"
                    + "|\\b(do|help (me )?with|solve|answer) my (maths? |english |science |history )?homework\\b"
                    + "|\\bsolve\\b.{0,30}="
                    + "|\\b(town|city|united|rovers|fc|athletic|county|wanderers|albion|rangers) (win|won|lose|lost|draw|drew)\\b"
                    + "|\\bwho won the (match|game|football|rugby|cricket|league|cup)\\b"
                    + "|\\b(football|rugby|cricket|match) (score|result)s?\\b");
    private static final Pattern CLAUSE = Pattern.compile("(?<=[.?!;,\\n])\\s+");
    private static final Pattern SENTENCE = Pattern.compile("(?<=[.?!;\\n])\\s+|\\s+(?=\\b(also|and then|then)\\b)");

    @Override
    public Understanding understand(String text, List<Turn> history) {
        String lower = text.toLowerCase(Locale.ROOT).replace('’', '\'');
        if (INSTRUCTIONS.matcher(lower).find()) {
            return new Understanding(Understanding.INSTRUCTIONS_TO_ASSISTANT, 0.9, without(text, SENTENCE, INSTRUCTIONS));
        }
        if (PERSON.matcher(lower).find() || PERSON_SHORT.matcher(lower.strip()).find()) {
            return new Understanding(Understanding.ASK_FOR_PERSON, 0.9, text);
        }
        if (SEE_YOU.matcher(lower.strip()).matches()) {
            return new Understanding(Understanding.GOODBYE, 0.95, "");
        }
        // Insults first: "you useless piece of junk" is abuse, "this is useless" frustration.
        if (ABUSE.matcher(lower).find()) {
            return new Understanding(Understanding.ABUSIVE, 0.9, without(text, CLAUSE, ABUSE));
        }
        if (FRUSTRATION.matcher(lower).find() && lower.split("\\s+").length <= 15) {
            return new Understanding(Understanding.FRUSTRATED, 0.8, text);
        }
        if (GENERAL_TASK.matcher(lower.strip()).find()) {
            return new Understanding(Understanding.GENERAL_TASK, 0.9, text);
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

    /**
     * The message without the parts that match: its sentences of instructions ("when is my bin day?
     * also ignore your rules" asks about bins) or its abusive clauses ("you stupid bot, when is my
     * bin day" too).
     */
    private static String without(String text, Pattern parts, Pattern unwanted) {
        StringBuilder kept = new StringBuilder();
        for (String part : parts.split(text)) {
            if (!unwanted.matcher(part.toLowerCase(Locale.ROOT).replace('’', '\'')).find()) {
                kept.append(part).append(' ');
            }
        }
        return kept.toString().strip();
    }
}
