package org.councilbot.evals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The urls and ids of a suite's corpus pages, so that a case's {@code docs} can name a page by
 * corpus id and a mistyped url is reported before the run.
 *
 * <p>A page's id is its {@code id} in corpus.jsonl, or its file path under corpus/ without the
 * extension (e.g. {@code bins/missed-bin}). Only the fields needed here are read; whether a page
 * is valid is the index's business, so unreadable files are passed over rather than reported.
 */
final class CorpusCatalogue {
    private static final Pattern CANONICAL = Pattern.compile(
            "<link\\b[^>]*\\brel\\s*=\\s*[\"']?canonical[\"']?[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern HREF = Pattern.compile(
            "\\bhref\\s*=\\s*[\"']([^\"']+)[\"']", Pattern.CASE_INSENSITIVE);

    private final Map<String, String> urlsById;
    private final Set<String> urls;
    private final int files;

    private CorpusCatalogue(Map<String, String> urlsById, Set<String> urls, int files) {
        this.urlsById = Map.copyOf(urlsById);
        this.urls = Set.copyOf(urls);
        this.files = files;
    }

    static CorpusCatalogue scan(Path corpusDir) {
        ObjectMapper json = new ObjectMapper();
        YAMLMapper yaml = new YAMLMapper();
        Map<String, String> urlsById = new HashMap<>();
        Set<String> urls = new HashSet<>();
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(corpusDir)) {
            paths = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new SuiteException("cannot list the pages in " + corpusDir + ": " + e.getMessage());
        }
        for (Path path : paths) {
            String relative = corpusDir.relativize(path).toString().replace('\\', '/');
            String lower = relative.toLowerCase(Locale.ROOT);
            String text = readOrEmpty(path);
            if (lower.endsWith("corpus.jsonl")) {
                text.lines().forEach(line -> jsonlRecord(json, line).ifPresent(pair -> {
                    urlsById.put(pair[0], pair[1]);
                    urls.add(pair[1]);
                }));
                continue;
            }
            Optional<String> url = lower.endsWith(".md") ? frontMatterUrl(yaml, text)
                    : lower.endsWith(".html") || lower.endsWith(".htm") ? canonicalUrl(text) : Optional.empty();
            url.ifPresent(u -> {
                urls.add(u);
                urlsById.put(withoutExtension(relative), u);
            });
        }
        return new CorpusCatalogue(urlsById, urls, paths.size());
    }

    /** The url of a page with this id. */
    Optional<String> urlOf(String id) {
        return Optional.ofNullable(urlsById.get(id));
    }

    boolean hasUrl(String url) {
        return urls.contains(url);
    }

    /** Files found under corpus/, for messages. */
    int files() {
        return files;
    }

    private static String readOrEmpty(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!(name.endsWith(".md") || name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".jsonl"))) {
            return "";
        }
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    private static Optional<String[]> jsonlRecord(ObjectMapper json, String line) {
        if (line.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode node = json.readTree(line);
            JsonNode id = node.path("id");
            JsonNode url = node.path("url");
            if (id.isValueNode() && url.isTextual() && !url.asText().isBlank()) {
                return Optional.of(new String[] {id.asText(), url.asText().strip()});
            }
        } catch (IOException e) {
            // Passed over: the index reports bad corpus records itself.
        }
        return Optional.empty();
    }

    private static Optional<String> frontMatterUrl(YAMLMapper yaml, String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (!body.startsWith("---")) {
            return Optional.empty();
        }
        int end = body.indexOf("\n---", 3);
        if (end < 0) {
            return Optional.empty();
        }
        try {
            JsonNode url = yaml.readTree(body.substring(3, end)).path("url");
            return url.isTextual() && !url.asText().isBlank() ? Optional.of(url.asText().strip()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> canonicalUrl(String html) {
        Matcher link = CANONICAL.matcher(html);
        if (!link.find()) {
            return Optional.empty();
        }
        Matcher href = HREF.matcher(link.group());
        return href.find() ? Optional.of(href.group(1).strip()) : Optional.empty();
    }

    private static String withoutExtension(String relative) {
        int dot = relative.lastIndexOf('.');
        return dot > relative.lastIndexOf('/') ? relative.substring(0, dot) : relative;
    }
}
