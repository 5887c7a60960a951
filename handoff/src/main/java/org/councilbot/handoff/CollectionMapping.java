package org.councilbot.handoff;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.UnsupportedTemporalTypeException;
import java.util.Locale;

/**
 * Where the collections are in a bin-day API's JSON: JSON pointers to the results array and,
 * within each result, to its fields, and how its dates are written.
 *
 * <p>Validated on construction, each message naming its key under {@code lookups.bin-collections}.
 *
 * @param results     {@code results}: the array of collections; empty when the body itself is the array
 * @param round       {@code fields.round}: what is collected, e.g. "Recycling (blue bin)"
 * @param date        {@code fields.date}: the next collection date (a single date, or an array of dates)
 * @param frequency   {@code fields.frequency}: how often, e.g. "every other week"; empty when not mapped
 * @param datePattern {@code date-pattern}: how dates are written, e.g. {@code dd/MM/yyyy}
 *                    ({@link DateTimeFormatter} letters, English names); ISO dates and date-times are
 *                    always understood too
 */
public record CollectionMapping(String results, String round, String date, String frequency, String datePattern) {
    public static final String ISO_DATE = "yyyy-MM-dd";
    private static final String KEY = "lookups.bin-collections.";
    private static final ZonedDateTime SAMPLE = ZonedDateTime.of(2026, 10, 5, 7, 30, 0, 0, ZoneId.of("Europe/London"));

    public CollectionMapping {
        results = Settings.jsonPointer(KEY + "results", results);
        round = Settings.requiredJsonPointer(KEY + "fields.round", round);
        date = Settings.requiredJsonPointer(KEY + "fields.date", date);
        frequency = Settings.jsonPointer(KEY + "fields.frequency", frequency);
        datePattern = Settings.singleLine(KEY + "date-pattern", datePattern).strip();
        if (datePattern.isEmpty()) {
            datePattern = ISO_DATE;
        }
        formatter(datePattern);
    }

    /** A {@link DateTimeFormatter} for the pattern; throws naming the setting when it cannot read a whole date. */
    static DateTimeFormatter formatter(String pattern) {
        DateTimeFormatter formatter;
        try {
            formatter = DateTimeFormatter.ofPattern(pattern, Locale.UK);
        } catch (IllegalArgumentException e) {
            throw Settings.invalid(KEY + "date-pattern is not a date pattern like dd/MM/yyyy (" + e.getMessage() + ")");
        }
        try {
            if (formatter.parse(formatter.format(SAMPLE), LocalDate::from).equals(SAMPLE.toLocalDate())) {
                return formatter;
            }
        } catch (DateTimeParseException | UnsupportedTemporalTypeException e) {
            // falls through to the message below
        }
        throw Settings.invalid(KEY + "date-pattern must give a whole date (day, month and year), like dd/MM/yyyy;"
                + " was " + Texts.quote(pattern));
    }
}
