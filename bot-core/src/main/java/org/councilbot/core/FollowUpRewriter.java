package org.councilbot.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a message that leans on the conversation ("and garden waste?", "how much does it cost?")
 * into standalone queries, for the planner to try against retrieval.
 *
 * <p>Only the last answered turn counts as context, and only for short messages: a long message
 * says what it is about by itself.
 */
final class FollowUpRewriter {
    private static final int MAX_WORDS = 8;
    private static final int CONTEXT_TURNS = 2;
    // A detail of the last answer's subject: "for a whole week", "over the weekend", "per night".
    private static final Pattern SPELL_OF_TIME = Pattern.compile("^(for|on|over|during|per|at|by)\\s+(a |an |the |one |two |"
            + "three |whole |full |each |every |single |half )*(\\w+ )?(days?|nights?|weeks?|weekends?|fortnights?|months?|"
            + "years?|seasons?|hours?|mornings?|evenings?|(mon|tues|wednes|thurs|fri|satur|sun)days?)\\b");
    private static final Pattern NEW_TOPIC = Pattern.compile(
            "^(?:and|also|plus|what about|how about|and what about|and how about|what if)\\b[\\s,]*(.*)$");

    /** The page and question of the last answered turn. */
    record Context(Citation page, String query, int turn) {}

    /**
     * A way to read the message.
     *
     * @param query    what to retrieve with
     * @param contextual whether it leans on the previous answer's page
     * @param note     how it was made, for the rationale
     */
    record Reading(String query, boolean contextual, String note) {}

    Optional<Context> context(List<Turn> history) {
        for (int i = history.size() - 1; i >= Math.max(0, history.size() - CONTEXT_TURNS); i--) {
            BotReply reply = history.get(i).reply();
            if (reply.action() == Action.ANSWER && !reply.citations().isEmpty()) {
                return Optional.of(new Context(reply.citations().get(0), reply.why().query(), history.get(i).sequence()));
            }
        }
        return Optional.empty();
    }

    /**
     * The readings of a message, most literal first; one reading when there is no usable context.
     * An "and X?" message is read as X asked the way the previous question was asked; a short
     * message is also read as being about the previous answer's page.
     */
    List<Reading> readings(String text, Optional<Context> context) {
        List<Reading> readings = new ArrayList<>();
        readings.add(new Reading(text, false, "standalone"));
        if (context.isEmpty() || text.split("\\s+").length > MAX_WORDS) {
            return readings;
        }
        Context previous = context.get();
        String lower = text.toLowerCase(Locale.ROOT).strip();
        Matcher newTopic = NEW_TOPIC.matcher(lower);
        String kindCue = kindCue(previous.query());
        if (newTopic.matches() && !newTopic.group(1).isBlank() && !leansOnLastAnswer(newTopic.group(1))
                && !spellOfTime(newTopic.group(1))) {
            String topic = newTopic.group(1).replaceAll("[?!.]+$", "");
            readings.set(0, new Reading((kindCue + " " + topic).strip(), false,
                    "new topic asked like turn " + previous.turn()));
            readings.add(new Reading((kindCue + " " + topic + " " + previous.page().title()).strip(), true,
                    "follow-up of turn " + previous.turn() + " about " + previous.page().title()));
            return readings;
        }
        // The title's own question words ("Library opening hours") would change what is asked.
        String about = AnswerKind.withoutQuestionWords(previous.page().title());
        // "and for a second one?" after "how much is it?" still asks how much.
        String asked = AnswerKind.askedBy(text).isEmpty() && !kindCue.isEmpty() ? kindCue + " " : "";
        readings.add(new Reading(asked + text + " " + about + carried(previous.query(), text, about),
                true, "follow-up of turn " + previous.turn() + " about " + previous.page().title()));
        return readings;
    }

    /**
     * The words of the previous question that the follow-up and the page title do not already say,
     * without its question words: "where is it?" after "is there a library in oakhurst" is about
     * Oakhurst's library, not only the page about libraries. Repeats are dropped, so a chain of
     * follow-ups does not grow its query.
     */
    private static String carried(String previousQuery, String text, String title) {
        java.util.Set<String> said = new java.util.HashSet<>(Terms.of(text + " " + title));
        StringBuilder carried = new StringBuilder();
        for (String word : AnswerKind.withoutQuestionWords(previousQuery).split("\\s+")) {
            // Compared as terms, so "permit" is not carried beside "Parking permits", nor "do" or "the".
            java.util.Set<String> terms = Terms.of(word);
            if (!terms.isEmpty() && said.addAll(terms)) {
                carried.append(' ').append(word.replaceAll("[?!.,;:]+$", ""));
            }
        }
        return carried.toString();
    }

    /**
     * Whether a short message needs the last answer to make sense: it points back at it ("where is
     * it?"), adds only a detail ("what about Saturdays?") or names no topic of its own ("how much?").
     * "where is the register office" names its own topic and stands alone.
     */
    boolean leansOnContext(String text) {
        String lower = text.toLowerCase(Locale.ROOT).strip();
        return POINTS_BACK.matcher(lower).find() || onlyDetail(lower)
                || Terms.of(AnswerKind.withoutQuestionWords(lower)).size() <= 1;
    }

    /** Words that point back to what was just answered: "and for a second one?", "and is it open then?". */
    private static final Pattern POINTS_BACK = Pattern.compile("\\b(one|ones|it|its|that|those|them|this|these|there|then)\\b");

    /** "and garden waste?": the message names a new topic, to be asked the way the last question was. */
    boolean namesNewTopic(String text) {
        String lower = text.toLowerCase(Locale.ROOT).strip();
        Matcher newTopic = NEW_TOPIC.matcher(lower);
        return newTopic.matches() && !newTopic.group(1).isBlank() && !onlyDetail(lower)
                && !leansOnLastAnswer(newTopic.group(1));
    }

    /**
     * What follows "and" is about the last answer, not a new topic: a condition on it ("and if i get
     * council tax reduction"), a question of its own ("and when do we find out which school we got")
     * or words pointing back at it ("and for a second one?").
     */
    private static boolean leansOnLastAnswer(String rest) {
        String lower = rest.strip();
        return lower.startsWith("if ") || lower.startsWith("in case ") || lower.startsWith("unless ")
                || QuestionWording.opensWithQuestionWord(lower) || POINTS_BACK.matcher(lower).find();
    }

    /**
     * "what about Saturdays", "what about for a whole week?": the message names a day, time or
     * spell of time and no topic.
     */
    private static boolean onlyDetail(String lower) {
        Matcher newTopic = NEW_TOPIC.matcher(lower.strip());
        String rest = newTopic.matches() ? newTopic.group(1) : lower;
        if (rest.isBlank()) {
            return false;
        }
        return AnswerKind.TIME.statedIn(rest) && Terms.of(rest).size() <= 2 || spellOfTime(rest);
    }

    /** "for a whole week", "over the weekend": a spell of time and nothing else. */
    private static boolean spellOfTime(String rest) {
        Matcher spell = SPELL_OF_TIME.matcher(rest.strip());
        return spell.find() && Terms.of(rest.strip().substring(spell.end())).isEmpty();
    }

    /** The question words of the previous question ("when", "how much"), so "and X?" is asked the same way. */
    private static String kindCue(String previousQuery) {
        List<AnswerKind> kinds = AnswerKind.askedBy(previousQuery);
        if (kinds.isEmpty()) {
            return "";
        }
        return switch (kinds.get(0)) {
            case PRICE -> "how much";
            case TIME -> "when";
            case CONTACT -> "contact";
            case PLACE -> "where is";
        };
    }
}
