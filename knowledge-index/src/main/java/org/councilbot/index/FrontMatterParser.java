package org.councilbot.index;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Splits a Markdown file into its YAML front matter and its body.
 *
 * <p>The front matter must open on the very first line with {@code ---} and close with a line of
 * {@code ---} (or {@code ...}); anything else is rejected rather than guessed at.
 */
final class FrontMatterParser {

    /** The two parts of a Markdown file. */
    record MarkdownFile(JsonNode fields, String body) {
    }

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    MarkdownFile parse(String text) throws SourceRejected {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        int firstEnd = lineEnd(content, 0);
        if (!content.substring(0, firstEnd).strip().equals("---")) {
            throw new SourceRejected("no front matter: the file must start with a '---' line,"
                    + " then 'title:' and 'url:' lines, then '---'");
        }
        int lineStart = nextLine(content, firstEnd);
        while (lineStart < content.length()) {
            int end = lineEnd(content, lineStart);
            String line = content.substring(lineStart, end).strip();
            if (line.equals("---") || line.equals("...")) {
                JsonNode fields = readYaml(content.substring(nextLine(content, firstEnd), lineStart));
                return new MarkdownFile(fields, content.substring(nextLine(content, end)));
            }
            lineStart = nextLine(content, end);
        }
        throw new SourceRejected("front matter is not closed: add a '---' line after its last field");
    }

    private JsonNode readYaml(String block) throws SourceRejected {
        if (block.isBlank()) {
            throw new SourceRejected("front matter is empty: it needs at least 'title:' and 'url:'");
        }
        try {
            JsonNode node = yaml.readTree(block);
            if (node == null || !node.isObject()) {
                throw new SourceRejected("front matter must be a set of 'key: value' fields");
            }
            return node;
        } catch (JacksonException e) {
            throw new SourceRejected("front matter is not valid YAML: " + e.getOriginalMessage());
        }
    }

    private static int lineEnd(String text, int from) {
        int newline = text.indexOf('\n', from);
        return newline < 0 ? text.length() : newline;
    }

    private static int nextLine(String text, int lineEnd) {
        return Math.min(lineEnd + 1, text.length());
    }
}
