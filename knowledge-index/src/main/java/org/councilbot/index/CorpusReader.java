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
import java.util.Optional;

/**
 * Walks a corpus directory and turns its {@code *.md} files, saved web pages ({@code *.html},
 * {@code *.htm}), PDF documents and {@code corpus.jsonl} records into {@link SourcePage}s.
 *
 * <p>A PDF carries no address of its own: it is read from a sidecar file {@code name.pdf.url} next
 * to it, or from a line {@code relative/path.pdf https://...} of {@value #PDF_URLS_NAME} at the
 * corpus root. A saved web page is cited by its canonical link, or by the address in its sidecar
 * {@code name.html.url} when it has one (the site crawler writes these).
 *
 * <p>Anything unusable is reported to the sink with its reason and reading goes on: one bad file
 * must never stop a council's whole index from being rebuilt.
 */
final class CorpusReader {
    static final long MAX_SOURCE_BYTES = 10L * 1024 * 1024;
    static final String JSON_LINES_NAME = "corpus.jsonl";
    static final String PDF_URLS_NAME = "pdf-urls.txt";
    static final String URL_SIDECAR_SUFFIX = ".url";

    /** The files found in a corpus directory, in a stable order. */
    record Corpus(Path root, List<Path> files, long totalBytes, List<SkippedFile> unreadable) {
        Corpus {
            files = List.copyOf(files);
            unreadable = List.copyOf(unreadable);
        }
    }

    private final FrontMatterParser frontMatter = new FrontMatterParser();
    private final ObjectMapper json = new ObjectMapper();
    private final HtmlPageReader html = new HtmlPageReader();
    private final PdfDocumentReader pdf = new PdfDocumentReader();

    /** Turns one file's bytes into a page. */
    @FunctionalInterface
    private interface FileFormat {
        SourcePage page(Path file, byte[] bytes) throws SourceRejected, IOException;
    }

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
        SourceUrls urls = new SourceUrls(corpus.root());
        for (Path file : corpus.files()) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (isJsonLines(file)) {
                readJsonLines(file, deduplicating);
            } else if (name.endsWith(".pdf")) {
                readFile(file, deduplicating, (path, bytes) -> pdf.read(path, bytes, urls.pdfUrl(path)));
            } else if (name.endsWith(".html") || name.endsWith(".htm")) {
                readFile(file, deduplicating, (path, bytes) -> {
                    Optional<String> url = urls.sidecar(path);
                    return url.isPresent() ? html.read(path, bytes, url.get()) : html.read(path, bytes);
                });
            } else {
                readFile(file, deduplicating, this::markdownPage);
            }
        }
    }

    private SourcePage markdownPage(Path file, byte[] bytes) throws SourceRejected {
        FrontMatterParser.MarkdownFile parsed = frontMatter.parse(utf8(bytes));
        return SourcePage.of(file, parsed.fields(), parsed.body());
    }

    private void readFile(Path file, CorpusSink sink, FileFormat format) {
        long size = 0;
        try {
            size = Files.size(file);
            if (size > MAX_SOURCE_BYTES) {
                throw new SourceRejected("larger than the 10 MB limit (" + size + " bytes)");
            }
            sink.page(format.page(file, Files.readAllBytes(file)));
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
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return isJsonLines(file) || name.endsWith(".md") || name.endsWith(".html") || name.endsWith(".htm")
                || name.endsWith(".pdf");
    }

    private static boolean isJsonLines(Path file) {
        return file.getFileName().toString().equals(JSON_LINES_NAME);
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /**
     * The addresses of corpus files that do not carry their own: sidecar {@code name.ext.url} files
     * and, for PDFs, {@value #PDF_URLS_NAME}.
     */
    private static final class SourceUrls {
        private final Path root;
        private Map<String, String> listed;
        private String listProblem = "";

        SourceUrls(Path root) {
            this.root = root;
        }

        /** The url in the file's sidecar, if it has one. */
        Optional<String> sidecar(Path file) throws SourceRejected, IOException {
            Path sidecar = file.resolveSibling(file.getFileName() + URL_SIDECAR_SUFFIX);
            if (!Files.isRegularFile(sidecar)) {
                return Optional.empty();
            }
            String url = utf8(Files.readAllBytes(sidecar)).strip();
            if (url.isEmpty() || url.contains("\n")) {
                throw new SourceRejected(root.relativize(sidecar) + " must hold the page's url on one line");
            }
            return Optional.of(url);
        }

        String pdfUrl(Path pdf) throws SourceRejected, IOException {
            Optional<String> sidecar = sidecar(pdf);
            if (sidecar.isPresent()) {
                return sidecar.get();
            }
            String relative = root.relativize(pdf).toString().replace('\\', '/');
            String url = listed().get(relative);
            if (url == null) {
                throw new SourceRejected("no url for this PDF: add a file " + pdf.getFileName() + URL_SIDECAR_SUFFIX
                        + " holding it, or a line '" + relative + " https://...' to " + PDF_URLS_NAME + listProblem);
            }
            return url;
        }

        private Map<String, String> listed() throws IOException {
            if (listed == null) {
                listed = new HashMap<>();
                Path list = root.resolve(PDF_URLS_NAME);
                if (Files.isRegularFile(list)) {
                    try {
                        for (String line : utf8(Files.readAllBytes(list)).split("\r?\n")) {
                            String entry = line.strip();
                            int space = entry.lastIndexOf(' ');
                            if (!entry.isEmpty() && !entry.startsWith("#") && space > 0) {
                                listed.putIfAbsent(entry.substring(0, space).strip(), entry.substring(space + 1));
                            }
                        }
                    } catch (SourceRejected e) {
                        listProblem = " (" + PDF_URLS_NAME + " is " + e.getMessage() + ")";
                    }
                }
            }
            return listed;
        }
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
