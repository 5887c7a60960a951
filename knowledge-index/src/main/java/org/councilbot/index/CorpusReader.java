package org.councilbot.index;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Walks a corpus directory and turns its {@code *.md} files and {@code corpus.jsonl} records into
 * {@link SourcePage}s.
 *
 * <p>Anything unusable is reported to the sink with its reason and reading goes on: one bad file
 * must never stop a council's whole index from being rebuilt.
 */
final class CorpusReader {
    static final long MAX_SOURCE_BYTES = 10L * 1024 * 1024;
    static final String JSON_LINES_NAME = "corpus.jsonl";

    /** The files found in a corpus directory, in a stable order. */
    record Corpus(Path root, List<Path> files, long totalBytes, List<SkippedFile> unreadable) {
        Corpus {
            files = List.copyOf(files);
            unreadable = List.copyOf(unreadable);
        }
    }

    private final FrontMatterParser frontMatter = new FrontMatterParser();
    private final ObjectMapper json = new ObjectMapper();

    /** Lists the corpus files; hidden directories (e.g. {@code .git}) are not entered. */
    Corpus scan(Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        List<SkippedFile> unreadable = new ArrayList<>();
        long[] total = {0};
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                boolean hidden = !dir.equals(root) && dir.getFileName().toString().startsWith(".");
                return hidden ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && isCorpusFile(file)) {
                    files.add(file);
                    total[0] += attrs.size();
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                unreadable.add(new SkippedFile(file, "cannot be read: " + describe(e)));
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(Comparator.comparing(Path::toString));
        return new Corpus(root, files, total[0], unreadable);
    }

    /** Reads every file of the corpus; a url seen twice keeps its first page. */
    void read(Corpus corpus, CorpusSink sink) {
        corpus.unreadable().forEach(sink::skipped);
        Map<String, Path> seenUrls = new HashMap<>();
        CorpusSink deduplicating = new CorpusSink() {
            @Override
            public void page(SourcePage page) {
                Path first = seenUrls.putIfAbsent(page.url(), page.source());
                if (first == null) {
                    sink.page(page);
                } else {
                    sink.skipped(new SkippedFile(page.source(), "duplicate url " + page.url()
                            + ", already indexed from " + corpus.root().relativize(first)));
                }
            }

            @Override
            public void skipped(SkippedFile skipped) {
                sink.skipped(skipped);
            }

            @Override
            public void progressed(long bytes) {
                sink.progressed(bytes);
            }
        };
        for (Path file : corpus.files()) {
            if (isJsonLines(file)) {
                readJsonLines(file, deduplicating);
            } else {
                readMarkdown(file, deduplicating);
            }
        }
    }

    private void readMarkdown(Path file, CorpusSink sink) {
        long size = 0;
        try {
            size = Files.size(file);
            if (size > MAX_SOURCE_BYTES) {
                throw new SourceRejected("larger than the 10 MB limit (" + size + " bytes)");
            }
            String text = utf8(Files.readAllBytes(file));
            FrontMatterParser.MarkdownFile parsed = frontMatter.parse(text);
            sink.page(SourcePage.of(file, parsed.fields(), parsed.body()));
        } catch (SourceRejected e) {
            sink.skipped(new SkippedFile(file, e.getMessage()));
        } catch (IOException e) {
            sink.skipped(new SkippedFile(file, "cannot be read: " + describe(e)));
        } finally {
            sink.progressed(size);
        }
    }

    private void readJsonLines(Path file, CorpusSink sink) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            BoundedLines lines = new BoundedLines(in, MAX_SOURCE_BYTES);
            for (int number = 1; lines.next(); number++) {
                sink.progressed(lines.bytesRead());
                if (lines.tooLong()) {
                    sink.skipped(new SkippedFile(file, "line " + number + ": record larger than the 10 MB limit"));
                } else if (!lines.isBlank()) {
                    readJsonRecord(file, number, lines.bytes(), sink);
                }
            }
        } catch (IOException e) {
            sink.skipped(new SkippedFile(file, "cannot be read: " + describe(e)));
        }
    }

    private void readJsonRecord(Path file, int number, byte[] line, CorpusSink sink) {
        String where = "line " + number;
        try {
            JsonNode record = json.readTree(utf8(line));
            if (record == null || !record.isObject()) {
                throw new SourceRejected("not a JSON object");
            }
            JsonNode id = record.path("id");
            if (id.isValueNode() && !id.asText().isBlank()) {
                where += " (id " + id.asText() + ")";
            }
            JsonNode text = record.path("text");
            if (!text.isTextual()) {
                throw new SourceRejected("missing 'text'");
            }
            sink.page(SourcePage.of(file, record, text.asText()));
        } catch (SourceRejected e) {
            sink.skipped(new SkippedFile(file, where + ": " + e.getMessage()));
        } catch (JacksonException e) {
            sink.skipped(new SkippedFile(file, where + ": not valid JSON: " + e.getOriginalMessage()));
        }
    }

    private static String utf8(byte[] bytes) throws SourceRejected {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new SourceRejected("not valid UTF-8 text; save the file as UTF-8");
        }
    }

    private static boolean isCorpusFile(Path file) {
        return isJsonLines(file) || file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".md");
    }

    private static boolean isJsonLines(Path file) {
        return file.getFileName().toString().equals(JSON_LINES_NAME);
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /**
     * Reads lines as bytes without ever holding more than {@code limit} bytes of one line, so a
     * runaway record cannot exhaust memory.
     */
    private static final class BoundedLines {
        private final InputStream in;
        private final long limit;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private long bytesRead;
        private boolean tooLong;

        BoundedLines(InputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        boolean next() throws IOException {
            line.reset();
            bytesRead = 0;
            tooLong = false;
            int b = in.read();
            if (b < 0) {
                return false;
            }
            while (b >= 0 && b != '\n') {
                bytesRead++;
                if (line.size() < limit) {
                    line.write(b);
                } else {
                    tooLong = true;
                }
                b = in.read();
            }
            if (b == '\n') {
                bytesRead++;
            }
            return true;
        }

        long bytesRead() {
            return bytesRead;
        }

        boolean tooLong() {
            return tooLong;
        }

        boolean isBlank() {
            return line.toString(StandardCharsets.ISO_8859_1).isBlank();
        }

        byte[] bytes() {
            return line.toByteArray();
        }
    }
}
