package org.councilbot.index.crawl;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.councilbot.core.CouncilbotException;

/**
 * The local copy of a site, in the form the indexer reads: one file per page ({@code .html} or
 * {@code .pdf}) under a path like the page's own, its address in a {@code .url} sidecar beside it,
 * and {@value #STATE_FILE} recording for each address its file, its validators (ETag,
 * Last-Modified) and a hash of its content.
 *
 * <p>Files are written to a temporary name and moved into place, sidecar first, so an interrupted
 * crawl never leaves half a page or a page without its address. A lock file keeps two crawls from
 * writing the same folder at once.
 */
final class CrawlFolder implements AutoCloseable {
    static final String STATE_FILE = "crawl-state.json";
    static final String LOCK_FILE = ".crawl.lock";
    static final String URL_SUFFIX = ".url";
    private static final int STATE_VERSION = 1;
    private static final int MAX_SEGMENT_CHARS = 80;

    /** The kinds of page the indexer reads, by file extension. */
    enum PageType {
        HTML(".html"), PDF(".pdf");

        final String extension;

        PageType(String extension) {
            this.extension = extension;
        }
    }

    /**
     * One saved page as recorded in the state file.
     *
     * @param file         path of the copy relative to the folder, with '/' separators
     * @param etag         the ETag it was served with; empty when none
     * @param lastModified the Last-Modified it was served with; empty when none
     * @param sha256       hash of the content as served
     * @param fetched      when the content was last downloaded (ISO-8601)
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record StoredPage(String file, PageType type, String etag, String lastModified, String sha256, String fetched) {
        StoredPage {
            file = file == null ? "" : file;
            type = type == null ? PageType.HTML : type;
            etag = etag == null ? "" : etag;
            lastModified = lastModified == null ? "" : lastModified;
            sha256 = sha256 == null ? "" : sha256;
            fetched = fetched == null ? "" : fetched;
        }

        StoredPage withValidators(String etag, String lastModified) {
            return new StoredPage(file, type, etag, lastModified, sha256, fetched);
        }
    }

    /** The state file's content. */
    record State(int version, Map<String, StoredPage> pages) {
        State {
            pages = pages == null ? Map.of() : pages;
        }
    }

    private final Path root;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final ObjectMapper json;
    private final Map<String, StoredPage> pages;
    private final Set<String> files = new HashSet<>();
    private final List<String> notes = new ArrayList<>();

    private CrawlFolder(Path root, FileChannel lockChannel, FileLock lock, ObjectMapper json,
                        Map<String, StoredPage> pages) {
        this.root = root;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.json = json;
        this.pages = new ConcurrentHashMap<>(pages);
        pages.values().forEach(page -> files.add(page.file()));
    }

    /**
     * Opens (creating it if needed) and locks the crawl folder at {@code root}.
     *
     * @throws CouncilbotException {@code crawl_busy} when another crawl holds it,
     *                             {@code crawl_failed} when it cannot be created or locked
     */
    static CrawlFolder open(Path root) {
        FileChannel channel = null;
        try {
            Files.createDirectories(root);
            channel = FileChannel.open(root.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                throw new CouncilbotException("crawl_busy", "Another crawl is writing " + root.toAbsolutePath()
                        + "; wait for it to finish");
            }
            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
            CrawlFolder folder;
            Path stateFile = root.resolve(STATE_FILE);
            if (Files.isRegularFile(stateFile)) {
                Map<String, StoredPage> pages;
                String problem = "";
                try {
                    pages = json.readValue(stateFile.toFile(), State.class).pages();
                } catch (JacksonException e) {
                    pages = Map.of();
                    problem = STATE_FILE + " was unreadable (" + e.getOriginalMessage() + "), so every page is"
                            + " fetched afresh";
                }
                folder = new CrawlFolder(root, channel, lock, json, pages);
                if (!problem.isEmpty()) {
                    folder.notes.add(problem);
                }
            } else {
                folder = new CrawlFolder(root, channel, lock, json, Map.of());
            }
            return folder;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new CouncilbotException("crawl_failed", "Cannot use the crawl folder " + root.toAbsolutePath()
                    + ": " + e, e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    Path root() {
        return root;
    }

    /** Problems met opening the folder, for the report. */
    List<String> notes() {
        return List.copyOf(notes);
    }

    Optional<StoredPage> stored(String url) {
        return Optional.ofNullable(pages.get(url));
    }

    /** The addresses with a saved copy. */
    Set<String> urls() {
        return Set.copyOf(pages.keySet());
    }

    /** Whether the saved copy's file is still there (someone may have deleted it by hand). */
    boolean hasCopy(StoredPage page) {
        return Files.isRegularFile(root.resolve(page.file()));
    }

    byte[] read(StoredPage page) throws IOException {
        return Files.readAllBytes(root.resolve(page.file()));
    }

    /**
     * Saves {@code content} as the copy of {@code url} and records it with {@code page}'s validators
     * and hash, replacing any earlier copy.
     */
    StoredPage put(String url, byte[] content, StoredPage page) {
        StoredPage previous = pages.get(url);
        String file = assign(url, page.type(), previous);
        StoredPage stored = new StoredPage(file, page.type(), page.etag(), page.lastModified(), page.sha256(),
                page.fetched());
        // One writer at a time: another worker pruning an emptied directory must not remove this one's.
        synchronized (this) {
            try {
                Path target = root.resolve(file);
                Files.createDirectories(target.getParent());
                writeAtomically(target.resolveSibling(target.getFileName() + URL_SUFFIX),
                        (url + "\n").getBytes(StandardCharsets.UTF_8));
                writeAtomically(target, content);
                pages.put(url, stored);
                if (previous != null && !previous.file().equals(file)) {
                    deleteCopy(previous.file());
                }
                return stored;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write " + file + " in " + root.toAbsolutePath(), e);
            }
        }
    }

    /** Records new validators for a copy whose content is unchanged. */
    void touch(String url, StoredPage page) {
        pages.put(url, page);
    }

    /** Deletes the copy of {@code url}; false when there was none. */
    boolean remove(String url) {
        StoredPage page = pages.remove(url);
        if (page == null) {
            return false;
        }
        try {
            deleteCopy(page.file());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + page.file() + " in " + root.toAbsolutePath(), e);
        }
        return true;
    }

    /** Writes the state file, so the next crawl sends the validators and knows the files. */
    void save() {
        try {
            byte[] state = json.writeValueAsBytes(new State(STATE_VERSION, new TreeMap<>(pages)));
            writeAtomically(root.resolve(STATE_FILE), state);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + STATE_FILE + " in " + root.toAbsolutePath(), e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // Closing the channel below releases the lock anyway.
        }
        closeQuietly(lockChannel);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * The file for {@code url}: its path with unsafe characters replaced, {@code index} for a
     * directory address, the type's extension; a short hash of the address is added when the path
     * alone would not tell two addresses apart (a query, replaced characters, a name taken).
     */
    private synchronized String assign(String url, PageType type, StoredPage previous) {
        if (previous != null && previous.type() == type) {
            return previous.file();
        }
        URI uri = URI.create(url);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (path.endsWith("/")) {
            path += "index";
        }
        List<String> segments = new ArrayList<>();
        boolean altered = uri.getRawQuery() != null;
        for (String segment : path.substring(1).split("/")) {
            String safe = safeSegment(segment);
            altered |= !safe.equals(segment);
            segments.add(safe);
        }
        String last = segments.remove(segments.size() - 1);
        if (last.toLowerCase(Locale.ROOT).endsWith(type.extension) && last.length() > type.extension.length()) {
            last = last.substring(0, last.length() - type.extension.length());
        }
        String directory = segments.isEmpty() ? "" : String.join("/", segments) + "/";
        String file = directory + last + type.extension;
        if (altered || files.contains(file) || file.equals(STATE_FILE)) {
            file = directory + last + "-" + sha256(url.getBytes(StandardCharsets.UTF_8)).substring(0, 10)
                    + type.extension;
        }
        files.add(file);
        return file;
    }

    private static String safeSegment(String segment) {
        StringBuilder safe = new StringBuilder();
        for (char c : segment.toCharArray()) {
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.';
            safe.append(plain ? c : '_');
        }
        String name = safe.length() > MAX_SEGMENT_CHARS ? safe.substring(0, MAX_SEGMENT_CHARS) : safe.toString();
        // Hidden names would be skipped by the indexer, and "." and ".." are not names at all.
        return name.isEmpty() || name.startsWith(".") ? "_" + name : name;
    }

    private synchronized void deleteCopy(String file) throws IOException {
        Path target = root.resolve(file);
        Files.deleteIfExists(target);
        Files.deleteIfExists(target.resolveSibling(target.getFileName() + URL_SUFFIX));
        files.remove(file);
        for (Path dir = target.getParent(); dir != null && !dir.equals(root) && dir.startsWith(root);
             dir = dir.getParent()) {
            try {
                Files.deleteIfExists(dir);
            } catch (DirectoryNotEmptyException e) {
                break;
            }
        }
    }

    private static void writeAtomically(Path target, byte[] content) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), ".part-", ".tmp");
        try {
            Files.write(temp, content);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // Nothing more can be done about a lock file that will not close.
            }
        }
    }
}
