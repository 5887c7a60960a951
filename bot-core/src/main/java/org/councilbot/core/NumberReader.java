package org.councilbot.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a number the way residents give one: "250mm", "about 5cm", "three in a row", "a dozen",
 * "twenty-five". A length said in another unit than the question's is converted to the question's
 * unit, which comes from the attribute's code or wording ({@code depth_mm}, "in millimetres").
 */
final class NumberReader {
    /** Lengths a question may be asked in, in millimetres each. */
    enum Unit {
        MILLIMETRES("1"), CENTIMETRES("10"), METRES("1000"), KILOMETRES("1000000"), INCHES("25.4"), FEET("304.8");

        private final BigDecimal millimetres;

        Unit(String millimetres) {
            this.millimetres = new BigDecimal(millimetres);
        }
    }

    private static final String UNIT_WORDS = "mm|millimet(?:re|er)s?|cm|centimet(?:re|er)s?|km|kilomet(?:re|er)s?"
            + "|m|met(?:re|er)s?|inch(?:es)?|ft|feet|foot";
    private static final Pattern DIGITS = Pattern.compile("(\\d+(?:[.,]\\d+)?)\\s*(" + UNIT_WORDS + ")?(?![\\p{L}\\d])");
    private static final Pattern WORD_UNIT = Pattern.compile("^\\s*(" + UNIT_WORDS + ")(?![\\p{L}\\d])");
    private static final Map<String, Integer> SMALL = Map.ofEntries(
            Map.entry("zero", 0), Map.entry("none", 0), Map.entry("one", 1), Map.entry("single", 1),
            Map.entry("two", 2), Map.entry("couple", 2), Map.entry("three", 3), Map.entry("four", 4),
            Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12),
            Map.entry("thirteen", 13), Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("sixteen", 16),
            Map.entry("seventeen", 17), Map.entry("eighteen", 18), Map.entry("nineteen", 19), Map.entry("dozen", 12),
            Map.entry("twenty", 20), Map.entry("thirty", 30), Map.entry("forty", 40), Map.entry("fifty", 50),
            Map.entry("sixty", 60), Map.entry("seventy", 70), Map.entry("eighty", 80), Map.entry("ninety", 90));
    private static final Pattern THOUSANDS = Pattern.compile("(\\d),(\\d{3})(?!\\d)");
    private static final Pattern WORD = Pattern.compile("[a-z]+|[^a-z\\s]+");

    private NumberReader() {
    }

    /** The unit a question asks in, from its code's last part or its wording; empty when it names none. */
    static Optional<Unit> unitOf(String code, String question) {
        List<String> parts = List.of(code.toLowerCase(Locale.ROOT).split("[_\\-. ]+"));
        String last = parts.isEmpty() ? "" : parts.get(parts.size() - 1);
        Optional<Unit> fromCode = unit(last);
        if (fromCode.isPresent()) {
            return fromCode;
        }
        String lower = question.toLowerCase(Locale.ROOT);
        for (String word : List.of("millimetres", "millimeters", "centimetres", "centimeters", "kilometres",
                "kilometers", "metres", "meters", "inches", "feet")) {
            if (lower.matches("(?s).*\\b" + word + "\\b.*")) {
                return unit(word);
            }
        }
        return Optional.empty();
    }

    /** The number in the text, in the question's unit when one is given; empty when there is none. */
    static Optional<String> read(String text, Optional<Unit> unit) {
        String lower = THOUSANDS.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("$1$2");
        Matcher digits = DIGITS.matcher(lower);
        if (digits.find()) {
            BigDecimal value = new BigDecimal(digits.group(1).replace(',', '.'));
            return Optional.of(format(convert(value, Optional.ofNullable(digits.group(2)).flatMap(NumberReader::unit),
                    unit)));
        }
        return inWords(lower).map(found -> format(convert(found.value(), found.unit(), unit)));
    }

    private record Found(BigDecimal value, Optional<Unit> unit) {}

    /** "three", "twenty-five", "a dozen", "half a dozen", "a hundred and twenty", "half a metre". */
    private static Optional<Found> inWords(String lower) {
        List<String> words = WORD.matcher(lower.replace('-', ' ')).results().map(java.util.regex.MatchResult::group).toList();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (word.equals("half") && i + 2 < words.size() && words.get(i + 1).equals("a")) {
                String next = words.get(i + 2);
                if (next.equals("dozen")) {
                    return Optional.of(new Found(BigDecimal.valueOf(6), unitAfter(words, i + 3)));
                }
                if (unit(next).isPresent()) {
                    return Optional.of(new Found(new BigDecimal("0.5"), unit(next)));
                }
            }
            boolean article = (word.equals("a") || word.equals("an")) && i + 1 < words.size()
                    && (words.get(i + 1).equals("dozen") || words.get(i + 1).equals("hundred")
                    || words.get(i + 1).equals("couple"));
            if (!SMALL.containsKey(word) && !article) {
                continue;
            }
            long total = 0;
            long current = 0;
            int j = i;
            if (article) {
                current = 1;
                j++;
            }
            boolean any = article;
            for (; j < words.size(); j++) {
                String next = words.get(j);
                if (SMALL.containsKey(next)) {
                    int value = SMALL.get(next);
                    if (next.equals("dozen")) {
                        current = Math.max(current, 1) * 12;
                    } else if (next.equals("couple") && article) {
                        current = 2;
                    } else {
                        current += value;
                    }
                    any = true;
                } else if (next.equals("hundred") && any) {
                    current = Math.max(current, 1) * 100;
                } else if (next.equals("thousand") && any) {
                    total += Math.max(current, 1) * 1000;
                    current = 0;
                } else if (next.equals("and") && any && j + 1 < words.size() && SMALL.containsKey(words.get(j + 1))) {
                    continue;
                } else if (next.equals("of") && any) {
                    continue;
                } else {
                    break;
                }
            }
            if (any) {
                return Optional.of(new Found(BigDecimal.valueOf(total + current), unitAfter(words, j)));
            }
        }
        return Optional.empty();
    }

    private static Optional<Unit> unitAfter(List<String> words, int index) {
        return index < words.size() ? unit(words.get(index)) : Optional.empty();
    }

    private static Optional<Unit> unit(String word) {
        Matcher matcher = WORD_UNIT.matcher(word);
        if (!matcher.find()) {
            return Optional.empty();
        }
        String unit = matcher.group(1);
        if (unit.equals("mm") || unit.startsWith("millimet")) {
            return Optional.of(Unit.MILLIMETRES);
        }
        if (unit.equals("cm") || unit.startsWith("centimet")) {
            return Optional.of(Unit.CENTIMETRES);
        }
        if (unit.equals("km") || unit.startsWith("kilomet")) {
            return Optional.of(Unit.KILOMETRES);
        }
        if (unit.equals("m") || unit.startsWith("met")) {
            return Optional.of(Unit.METRES);
        }
        if (unit.startsWith("inch")) {
            return Optional.of(Unit.INCHES);
        }
        return Optional.of(Unit.FEET);
    }

    private static BigDecimal convert(BigDecimal value, Optional<Unit> said, Optional<Unit> asked) {
        if (said.isEmpty() || asked.isEmpty() || said.get() == asked.get()) {
            return value;
        }
        BigDecimal converted = value.multiply(said.get().millimetres).divide(asked.get().millimetres, 2,
                RoundingMode.HALF_UP);
        // An estimate said in inches or feet is no more precise in millimetres: whole units from 10 up.
        return converted.compareTo(BigDecimal.TEN) >= 0 ? converted.setScale(0, RoundingMode.HALF_UP) : converted;
    }

    private static String format(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0).toPlainString() : stripped.toPlainString();
    }
}
