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
 * "2 days ago", "12 November", "12/11/2026 at 3pm". Relative days count back from today.
 */
final class DateReader {
    private static final Pattern DAYS_AGO = Pattern.compile("\\b(\\d{1,2}|a|one|two|three|four|five|six|seven) days? ago\\b");
    private static final Pattern NUMERIC = Pattern.compile("\\b(\\d{1,2})[/.-](\\d{1,2})(?:[/.-](\\d{2,4}))?\\b");
    private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
    private static final Pattern DAY_MONTH = Pattern.compile(
            "\\b(\\d{1,2})(?:st|nd|rd|th)?(?: of)? (jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*(?: (\\d{4}))?\\b");
    private static final Pattern MONTH_DAY = Pattern.compile(
            "\\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]* (\\d{1,2})(?:st|nd|rd|th)?(?:,? (\\d{4}))?\\b");
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
        if (lower.contains("today") || lower.contains("this morning") || lower.contains("this afternoon")
                || lower.contains("this evening") || lower.contains("tonight")) {
            return Optional.of(today);
        }
        if (lower.contains("yesterday") || lower.contains("last night")) {
            return Optional.of(today.minusDays(1));
        }
        Matcher ago = DAYS_AGO.matcher(lower);
        if (ago.find()) {
            return Optional.of(today.minusDays(number(ago.group(1))));
        }
        if (lower.contains("last week")) {
            return Optional.of(today.minusWeeks(1));
        }
        Matcher iso = ISO.matcher(lower);
        if (iso.find()) {
            return safeDate(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3)));
        }
        Matcher numeric = NUMERIC.matcher(lower);
        if (numeric.find()) {
            // UK order: day/month/year.
            int year = numeric.group(3) == null ? today.getYear() : fullYear(Integer.parseInt(numeric.group(3)));
            return safeDate(year, Integer.parseInt(numeric.group(2)), Integer.parseInt(numeric.group(1)));
        }
        Matcher dayMonth = DAY_MONTH.matcher(lower);
        if (dayMonth.find()) {
            return namedMonth(dayMonth.group(2), dayMonth.group(1), dayMonth.group(3), today);
        }
        Matcher monthDay = MONTH_DAY.matcher(lower);
        if (monthDay.find()) {
            return namedMonth(monthDay.group(1), monthDay.group(2), monthDay.group(3), today);
        }
        for (DayOfWeek weekday : DayOfWeek.values()) {
            String name = weekday.getDisplayName(TextStyle.FULL, Locale.UK).toLowerCase(Locale.ROOT);
            if (lower.matches(".*\\b" + name + "s?\\b.*") || lower.matches(".*\\b" + name.substring(0, 3) + "\\b.*")) {
                // The most recent such day, counting today.
                int back = Math.floorMod(today.getDayOfWeek().getValue() - weekday.getValue(), 7);
                if (back == 0 && lower.contains("last")) {
                    back = 7;
                }
                return Optional.of(today.minusDays(back));
            }
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
        if (lower.contains("morning")) {
            return LocalTime.of(9, 0);
        }
        if (lower.contains("afternoon")) {
            return LocalTime.of(14, 0);
        }
        if (lower.contains("evening")) {
            return LocalTime.of(18, 0);
        }
        if (lower.contains("night")) {
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
            case "a", "one" -> 1;
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
