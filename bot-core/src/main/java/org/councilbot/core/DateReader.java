package org.councilbot.core;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the ways residents say when something happened: "yesterday evening", "last Monday",
 * "about three weeks ago", "a fortnight ago", "the 3rd", "12 November", "12/11/2026 at 3pm".
 * Relative days count back from today; "next Friday" and "tomorrow" count forward.
 */
final class DateReader {
    private static final String COUNT = "\\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
            + "|a couple of|a few|couple of|few";
    private static final Pattern AGO = Pattern.compile(
            "\\b(" + COUNT + ") (days?|weeks?|fortnights?|months?)(?: or so)? (?:ago|back|before)\\b");
    private static final Pattern NUMERIC = Pattern.compile("\\b(\\d{1,2})[/.-](\\d{1,2})(?:[/.-](\\d{2,4}))?\\b");
    private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
    private static final Pattern DAY_MONTH = Pattern.compile(
            "\\b(\\d{1,2})(?:st|nd|rd|th)?(?: of)? (jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*(?: (\\d{4}))?\\b");
    private static final Pattern MONTH_DAY = Pattern.compile(
            "\\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]* (\\d{1,2})(?:st|nd|rd|th)?(?:,? (\\d{4}))?\\b");
    /** A day of the month said alone: "the 3rd", "on the 21st". */
    private static final Pattern ORDINAL = Pattern.compile("\\b(\\d{1,2})(st|nd|rd|th)\\b");
    private static final Pattern CLOCK = Pattern.compile("\\b(\\d{1,2})(?:[:.](\\d{2}))?\\s?(am|pm)\\b|\\b(\\d{1,2})[:.](\\d{2})\\b");

    private DateReader() {
    }

    /** The moment meant, or empty when the text names none. */
    static Optional<LocalDateTime> read(String text, LocalDate today) {
        String lower = text.toLowerCase(Locale.ROOT);
        Optional<LocalDate> day = day(lower, today);
        if (day.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(LocalDateTime.of(day.get(), time(lower)));
    }

    private static Optional<LocalDate> day(String lower, LocalDate today) {
        if (lower.contains("day before yesterday")) {
            return Optional.of(today.minusDays(2));
        }
        if (lower.contains("today") || lower.contains("this morning") || lower.contains("this afternoon")
                || lower.contains("this evening") || lower.contains("tonight")) {
            return Optional.of(today);
        }
        if (lower.contains("yesterday") || lower.contains("last night")) {
            return Optional.of(today.minusDays(1));
        }
        if (lower.contains("tomorrow")) {
            return Optional.of(today.plusDays(1));
        }
        Matcher ago = AGO.matcher(lower);
        if (ago.find()) {
            int count = number(ago.group(1));
            String unit = ago.group(2);
            if (unit.startsWith("fortnight")) {
                return Optional.of(today.minusWeeks(2L * count));
            }
            if (unit.startsWith("week")) {
                return Optional.of(today.minusWeeks(count));
            }
            if (unit.startsWith("month")) {
                return Optional.of(today.minusMonths(count));
            }
            return Optional.of(today.minusDays(count));
        }
        if (lower.matches("(?s).*\\b(a |last )?fortnight (ago|back)\\b.*")) {
            return Optional.of(today.minusWeeks(2));
        }
        if (lower.contains("last week")) {
            return Optional.of(today.minusWeeks(1));
        }
        if (lower.contains("next week")) {
            return Optional.of(today.plusWeeks(1));
        }
        if (lower.contains("last month")) {
            return Optional.of(today.minusMonths(1));
        }
        Matcher iso = ISO.matcher(lower);
        if (iso.find()) {
            return safeDate(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3)));
        }
        Matcher numeric = NUMERIC.matcher(lower);
        if (numeric.find()) {
            // UK order: day/month/year. An impossible one ("31/11", or a time like "6.45") is no date.
            int year = numeric.group(3) == null ? today.getYear() : fullYear(Integer.parseInt(numeric.group(3)));
            Optional<LocalDate> date = safeDate(year, Integer.parseInt(numeric.group(2)), Integer.parseInt(numeric.group(1)));
            if (date.isPresent()) {
                return date;
            }
        }
        Matcher dayMonth = DAY_MONTH.matcher(lower);
        if (dayMonth.find()) {
            // "The 31st of September" is no date; it must not fall through to "the 31st".
            return namedMonth(dayMonth.group(2), dayMonth.group(1), dayMonth.group(3), today);
        }
        Matcher monthDay = MONTH_DAY.matcher(lower);
        if (monthDay.find()) {
            return namedMonth(monthDay.group(1), monthDay.group(2), monthDay.group(3), today);
        }
        for (DayOfWeek weekday : DayOfWeek.values()) {
            String name = weekday.getDisplayName(TextStyle.FULL, Locale.UK).toLowerCase(Locale.ROOT);
            Matcher named = Pattern.compile("(?:\\b(next|this coming|coming|last|this|on)\\s+)?\\b(?:" + name + "s?|"
                    + name.substring(0, 3) + ")\\b").matcher(lower);
            if (named.find()) {
                String when = named.group(1) == null ? "" : named.group(1);
                if (when.equals("next") || when.endsWith("coming")) {
                    // The first such day after today.
                    int ahead = Math.floorMod(weekday.getValue() - today.getDayOfWeek().getValue(), 7);
                    return Optional.of(today.plusDays(ahead == 0 ? 7 : ahead));
                }
                // The most recent such day, counting today unless "last" rules it out.
                int back = Math.floorMod(today.getDayOfWeek().getValue() - weekday.getValue(), 7);
                if (back == 0 && when.equals("last")) {
                    back = 7;
                }
                return Optional.of(today.minusDays(back));
            }
        }
        Matcher ordinal = ORDINAL.matcher(lower);
        if (ordinal.find()) {
            // "The 3rd": this month's if it has come, else last month's.
            int dayOfMonth = Integer.parseInt(ordinal.group(1));
            Optional<LocalDate> thisMonth = safeDate(today.getYear(), today.getMonthValue(), dayOfMonth);
            if (thisMonth.isPresent() && !thisMonth.get().isAfter(today)) {
                return thisMonth;
            }
            LocalDate previous = today.minusMonths(1);
            return safeDate(previous.getYear(), previous.getMonthValue(), dayOfMonth);
        }
        return Optional.empty();
    }

    private static LocalTime time(String lower) {
        Matcher clock = CLOCK.matcher(lower);
        if (clock.find()) {
            if (clock.group(3) != null) {
                int hour = Integer.parseInt(clock.group(1)) % 12 + (clock.group(3).equals("pm") ? 12 : 0);
                int minute = clock.group(2) == null ? 0 : Integer.parseInt(clock.group(2));
                if (hour < 24 && minute < 60) {
                    return LocalTime.of(hour, minute);
                }
            } else {
                int hour = Integer.parseInt(clock.group(4));
                int minute = Integer.parseInt(clock.group(5));
                if (hour < 24 && minute < 60) {
                    return LocalTime.of(hour, minute);
                }
            }
        }
        if (lower.matches("(?s).*\\bmornings?\\b.*")) {
            return LocalTime.of(9, 0);
        }
        if (lower.matches("(?s).*\\bafternoons?\\b.*")) {
            return LocalTime.of(14, 0);
        }
        if (lower.matches("(?s).*\\bevenings?\\b.*")) {
            return LocalTime.of(18, 0);
        }
        // "Night", "last night", "tonight"; not the night in "a fortnight ago".
        if (lower.matches("(?s).*\\b(to|over)?nights?\\b.*")) {
            return LocalTime.of(22, 0);
        }
        return LocalTime.NOON;
    }

    private static Optional<LocalDate> namedMonth(String month, String day, String year, LocalDate today) {
        Month named = null;
        for (Month candidate : Month.values()) {
            if (candidate.getDisplayName(TextStyle.FULL, Locale.UK).toLowerCase(Locale.ROOT).startsWith(month.substring(0, 3))) {
                named = candidate;
            }
        }
        if (named == null) {
            return Optional.empty();
        }
        int resolvedYear = year == null ? today.getYear() : Integer.parseInt(year);
        Optional<LocalDate> date = safeDate(resolvedYear, named.getValue(), Integer.parseInt(day));
        // "12 December" said in January means last December.
        if (year == null && date.isPresent() && date.get().isAfter(today)) {
            return safeDate(resolvedYear - 1, named.getValue(), Integer.parseInt(day));
        }
        return date;
    }

    private static Optional<LocalDate> safeDate(int year, int month, int day) {
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    private static int fullYear(int year) {
        return year < 100 ? 2000 + year : year;
    }

    private static int number(String word) {
        return switch (word) {
            case "a", "an", "one" -> 1;
            case "a couple of", "couple of" -> 2;
            case "a few", "few" -> 3;
            case "eight" -> 8;
            case "nine" -> 9;
            case "ten" -> 10;
            case "eleven" -> 11;
            case "twelve" -> 12;
            case "two" -> 2;
            case "three" -> 3;
            case "four" -> 4;
            case "five" -> 5;
            case "six" -> 6;
            case "seven" -> 7;
            default -> Integer.parseInt(word);
        };
    }
}
