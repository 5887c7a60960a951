package org.councilbot.handoff;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.councilbot.core.CouncilbotException;

/**
 * A small CSV file as a council exports it from a spreadsheet: a header row naming the columns,
 * then one row a line. Fields may be quoted ({@code "12, Mill Lane"}, {@code ""} for a quote);
 * blank lines and lines starting with {@code #} are skipped.
 *
 * <p>Every problem is a {@link CouncilbotException} naming the file and line, so a bad file stops
 * the start with a message the council can act on.
 */
final class CsvFile {
    static final long MAX_FILE_BYTES = 8L * 1024 * 1024;

    private final Path file;
    private final String what;
    private final List<Row> rows;

    private CsvFile(Path file, String what, List<Row> rows) {
        this.file = file;
        this.what = what;
        this.rows = rows;
    }

    /**
     * @param what     what the file is, for messages, e.g. "address file"
     * @param required the columns the header must name
     * @param optional the columns it may also name; any other is an error (usually a typo)
     */
    static CsvFile read(Path file, String what, List<String> required, Set<String> optional) {
        String text = text(file, what);
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> columns = null;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNumber = i + 1;
            String line = i == 0 && lines[0].startsWith("\uFEFF") ? lines[0].substring(1) : lines[i];
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            List<String> fields = fields(line, file, what, lineNumber);
            if (columns == null) {
                columns = header(fields, required, optional, file, what, lineNumber);
                continue;
            }
            if (fields.size() > columns.size()) {
                throw problem(file, what, lineNumber, "has " + fields.size() + " fields but the header names "
                        + columns.size() + " columns");
            }
            rows.add(new Row(file, what, lineNumber, columns, fields));
        }
        if (columns == null) {
            throw new CouncilbotException("invalid_lookup_file", "The " + what + " " + file
                    + " has no header row; its first line must name the columns: " + String.join(",", required) + ".");
        }
        return new CsvFile(file, what, List.copyOf(rows));
    }

    List<Row> rows() {
        return rows;
    }

    static CouncilbotException problem(Path file, String what, int line, String problem) {
        return new CouncilbotException("invalid_lookup_file", "The " + what + " " + file + " line " + line + " "
                + problem + ".");
    }

    /** One row: its fields by column name, and where it is for messages. */
    record Row(Path file, String what, int line, Map<String, Integer> columns, List<String> fields) {
        /** The stripped value, empty when the column is absent or the row is short. */
        String get(String column) {
            Integer index = columns.get(column);
            return index == null || index >= fields.size() ? "" : fields.get(index).strip();
        }

        String required(String column) {
            String value = get(column);
            if (value.isEmpty()) {
                throw problem("has no " + column);
            }
            return value;
        }

        CouncilbotException problem(String problem) {
            return CsvFile.problem(file, what, line, problem);
        }
    }

    private static Map<String, Integer> header(List<String> fields, List<String> required, Set<String> optional,
                                               Path file, String what, int line) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            String name = fields.get(i).strip().toLowerCase(Locale.ROOT);
            if (!required.contains(name) && !optional.contains(name)) {
                throw problem(file, what, line, "names a column " + Texts.quote(name) + " that is not one of "
                        + String.join(", ", required) + (optional.isEmpty() ? "" : ", " + String.join(", ", optional.stream().sorted().toList())));
            }
            if (columns.put(name, i) != null) {
                throw problem(file, what, line, "names the column " + name + " twice");
            }
        }
        for (String name : required) {
            if (!columns.containsKey(name)) {
                throw problem(file, what, line, "has no " + name + " column; the header must name "
                        + String.join(",", required));
            }
        }
        return Map.copyOf(columns);
    }

    private static List<String> fields(String line, Path file, String what, int lineNumber) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.toString().isBlank() && !wasQuoted) {
                field.setLength(0);
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (wasQuoted && !Character.isWhitespace(c)) {
                throw problem(file, what, lineNumber, "has text after a closing quote in field " + (fields.size() + 1));
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw problem(file, what, lineNumber, "has a quote that is never closed");
        }
        fields.add(field.toString());
        return fields;
    }

    private static String text(Path file, String what) {
        try {
            if (!Files.isRegularFile(file)) {
                throw new CouncilbotException("invalid_lookup_file", "The " + what + " " + file + " is missing.");
            }
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new CouncilbotException("invalid_lookup_file", "The " + what + " " + file + " is " + size
                        + " bytes; at most " + MAX_FILE_BYTES + " are allowed.");
            }
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new CouncilbotException("invalid_lookup_file", "The " + what + " " + file + " is not UTF-8 text.");
        } catch (IOException e) {
            throw new CouncilbotException("invalid_lookup_file", "The " + what + " " + file + " cannot be read ("
                    + e.getClass().getSimpleName() + ").");
        }
    }

    @Override
    public String toString() {
        return "CsvFile[" + what + " " + file + ", " + rows.size() + " rows]";
    }
}
