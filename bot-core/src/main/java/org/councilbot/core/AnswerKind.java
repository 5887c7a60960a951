package org.councilbot.core;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kind of fact a question asks for, and how to recognise a sentence that states one.
 *
 * <p>"How much is garden waste?" wants a price; a sentence with a price beats an equally
 * on-topic sentence without one. The cues are ordinary English question words, not any one
 * council's wording.
 */
enum AnswerKind {
    PRICE("\\b(prices?|costs?|fees?|charges?|charging|pricing|tariffs?|fines?|penalt(y|ies))\\b",
            "\\b(how much|cost|costs|price|prices|fee|fees|charge|charges|pay for|expensive|cheap|fine|fines|fined|penalty|penalties)\\b",
            // "free" alone is too loose: "when a bay is free" states no price.
            "£\\s?\\d|\\b\\d+p\\b|\\bfree of charge\\b|\\bfor free\\b|\\bno charge\\b|\\bat no cost\\b|:\\s?free\\b"),
    TIME("\\b(dates?|times?|hours|deadlines?|timetable|schedule|key dates|timescales?|when|how (long|soon|quickly))\\b",
            "\\b(when|what day|which day|what dates?|which dates?|dates|what time|what times|opening hours|opening times|open|close|closes|deadline|time limits?|how long|how soon|how quickly|days?|weekends?|weekdays?)\\b",
            "\\b(mon|tues|wednes|thurs|fri|satur|sun)days?\\b|\\b(weekends?|weekdays?|bank holidays?)\\b|\\b(january|february|march|april|may|june|july|august|september|october|november|december)\\b|\\b\\d{1,2}(\\.\\d{2})?\\s?(am|pm)\\b|\\b\\d{1,2}[:.]\\d{2}\\b|\\bwithin \\d+|\\b(\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|twenty|thirty) (working |full |calendar )?(days?|weeks?|hours?|months?|years?)\\b|\\b\\d{1,2}(st|nd|rd|th)\\b(?! (floor|century))|\\bevery (other )?(week|day|fortnight)\\b|\\b(next|following|same) (working |business )?(day|week|month)\\b|\\b(daily|weekly|fortnightly|monthly)\\b"),
    CONTACT("\\b(contacts?|contact us|phone|telephone|get in touch)\\b",
            "\\b(phone|telephone|number|call|ring|contact|email|e-mail|speak to)\\b",
            "\\b0\\d{3,4}\\s?\\d{3}\\s?\\d{3,4}\\b|[\\w.+-]+@[\\w-]+\\.[\\w.]+"),
    // Only questions that ask where a place is: "where can I report..." asks for a way, not an address.
    PLACE("\\b(address(es)?|locations?|where to find (us|it)|find us|visit us|getting there|directions)\\b",
            "\\b(where is|where's|wheres|where are|whereabouts|where abouts|address|located|location of|how do i get to|how to get to)\\b",
            // Case matters here: a postcode or a capitalised street name, not "street party".
            "(?-i)\\b[A-Z]{1,2}\\d[A-Z\\d]? \\d[A-Z]{2}\\b|\\b[A-Z][a-z]+ (Street|Road|Lane|Avenue|Way|Close|Square|Place|Drive|Crescent|Terrace|Parade|Row|Hill|Green|Gardens|Walk)\\b|\\bAddress:");

    private final Pattern section;
    private final Pattern question;
    // The same words in any case, to take them out of page titles and earlier questions.
    private final Pattern anyCaseQuestion;
    private final Pattern evidence;

    /**
     * @param section  words of a section heading that gathers this kind of fact ("Prices", "Key dates")
     * @param question words of a question asking for it
     * @param evidence what a sentence stating it contains
     */
    AnswerKind(String section, String question, String evidence) {
        this.section = Pattern.compile(section, Pattern.CASE_INSENSITIVE);
        this.question = Pattern.compile(question);
        this.anyCaseQuestion = Pattern.compile(question, Pattern.CASE_INSENSITIVE);
        this.evidence = Pattern.compile(evidence, Pattern.CASE_INSENSITIVE);
    }

    /** The kinds a question asks for, most specific first; empty for open questions. */
    static List<AnswerKind> askedBy(String question) {
        String lower = question.toLowerCase(Locale.ROOT);
        return java.util.Arrays.stream(values()).filter(kind -> kind.question.matcher(lower).find()).toList();
    }

    /** The text with every kind's question words taken out: what it asks about, not how. */
    static String withoutQuestionWords(String text) {
        String rest = text;
        for (AnswerKind kind : values()) {
            rest = kind.anyCaseQuestion.matcher(rest).replaceAll(" ");
        }
        return rest.replaceAll("\\s+", " ").strip();
    }

    /** The question's own words asking for this kind ("cost", "fee", "what time"), as {@link Terms}. */
    Set<String> cueTerms(String asked) {
        Set<String> cues = new LinkedHashSet<>();
        Matcher cue = question.matcher(asked.toLowerCase(Locale.ROOT));
        while (cue.find()) {
            cues.addAll(Terms.of(cue.group()));
        }
        return cues;
    }

    boolean statedIn(String text) {
        return evidence.matcher(text).find();
    }

    /** Whether a section heading names this kind of fact, as "Prices 2026/27" or "Cost" do. */
    boolean namedBySection(String heading) {
        return section.matcher(heading).find();
    }
}
