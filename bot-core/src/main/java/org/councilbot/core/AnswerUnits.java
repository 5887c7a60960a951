package org.councilbot.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** Splits a passage's Markdown-like text into quotable units; table rows are rendered with their headers. */
final class AnswerUnits {
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[\\p{Lu}\\d£\"'(])");
    private static final Pattern LIST_ITEM = Pattern.compile("^\\s*(?:[-*+]|\\d+[.)])\\s+");
    private static final Pattern TABLE_RULE = Pattern.compile("^\\|?\\s*:?-{2,}.*");

    private AnswerUnits() {
    }

    static List<AnswerUnit> split(String text) {
        List<AnswerUnit> units = new ArrayList<>();
        List<String> tableHeader = List.of();
        String lastParagraph = "";
        for (String rawLine : text.split("\\R")) {
            String line = rawLine.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                tableHeader = line.isEmpty() ? tableHeader : List.of();
                continue;
            }
            if (line.startsWith("|")) {
                List<String> cells = cells(line);
                if (TABLE_RULE.matcher(line).matches()) {
                    continue;
                }
                if (tableHeader.isEmpty()) {
                    tableHeader = cells;
                    continue;
                }
                units.add(new AnswerUnit(units.size(), renderRow(tableHeader, cells), ""));
                continue;
            }
            tableHeader = List.of();
            if (LIST_ITEM.matcher(line).find()) {
                String item = LIST_ITEM.matcher(line).replaceFirst("");
                String intro = lastParagraph.endsWith(":") ? lastParagraph : "";
                units.add(new AnswerUnit(units.size(), "- " + item, intro));
                continue;
            }
            for (String sentence : SENTENCE_END.split(line)) {
                units.add(new AnswerUnit(units.size(), sentence.strip(), ""));
                lastParagraph = sentence.strip();
            }
        }
        return units;
    }

    private static List<String> cells(String line) {
        String inner = line.strip();
        if (inner.startsWith("|")) {
            inner = inner.substring(1);
        }
        if (inner.endsWith("|")) {
            inner = inner.substring(0, inner.length() - 1);
        }
        return Arrays.stream(inner.split("\\|", -1)).map(String::strip).toList();
    }

    /** "| Band D | £2,105 |" under "| Band | Yearly charge |" reads "Band D – Yearly charge: £2,105". */
    private static String renderRow(List<String> header, List<String> cells) {
        StringBuilder row = new StringBuilder(cells.isEmpty() ? "" : cells.get(0));
        List<String> rest = new ArrayList<>();
        for (int i = 1; i < cells.size(); i++) {
            String name = i < header.size() ? header.get(i) : "";
            if (!cells.get(i).isEmpty()) {
                rest.add(name.isEmpty() ? cells.get(i) : name + ": " + cells.get(i));
            }
        }
        if (!rest.isEmpty()) {
            row.append(" – ").append(String.join(", ", rest));
        }
        // A bare row key ("D" under "Band") needs its column name to be read on its own.
        if (!header.isEmpty() && !header.get(0).isEmpty() && !cells.isEmpty() && cells.get(0).length() <= 3) {
            row.insert(0, header.get(0) + " ");
        }
        return row.toString();
    }
}
