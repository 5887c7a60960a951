package org.councilbot.index;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The on-disk layout of an index root: numbered generation directories beside a {@code CURRENT}
 * pointer naming the complete one.
 *
 * <pre>
 * indexRoot/CURRENT        "gen-000007"
 * indexRoot/gen-000006/    the previous generation, kept for searchers still reading it
 * indexRoot/gen-000007/
 * indexRoot/build.lock     held while a build runs
 * </pre>
 *
 * <p>A build writes a new directory and then replaces the pointer with an atomic rename, so a
 * reader sees either the old or the new generation, never a half-written one.
 */
final class IndexGenerations {
    static final String POINTER = "CURRENT";
    private static final String LOCK = "build.lock";
    private static final Pattern NAME = Pattern.compile("gen-(\\d{6,18})");
    private static final System.Logger LOG = System.getLogger(IndexGenerations.class.getName());

    private final Path root;

    IndexGenerations(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    Path directory(String generation) {
        return root.resolve(generation);
    }

    /** The generation the pointer names; empty when there is no pointer yet. */
    Optional<String> current() throws IOException {
        String name;
        try {
            name = Files.readString(root.resolve(POINTER), StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        // The pointer picks a directory to open, so it must name a generation and nothing else.
        if (!NAME.matcher(name).matches()) {
            throw new IOException("index pointer " + root.resolve(POINTER) + " does not name a generation: '" + name + "'");
        }
        return Optional.of(name);
    }

    /** Creates the next, empty generation directory. */
    String create() throws IOException {
        Files.createDirectories(root);
        long next = generations().stream().mapToLong(IndexGenerations::number).max().orElse(0) + 1;
        while (true) {
            String name = String.format("gen-%06d", next);
            try {
                Files.createDirectory(root.resolve(name));
                return name;
            } catch (FileAlreadyExistsException e) {
                next++;
            }
        }
    }

    /** Points readers at a complete generation: written aside, flushed, then renamed over the pointer. */
    void publish(String generation) throws IOException {
        Path temp = Files.createTempFile(root, POINTER + "-", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                channel.write(ByteBuffer.wrap((generation + "\n").getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
            }
            Files.move(temp, root.resolve(POINTER), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Deletes generations older than the previous one. The previous generation stays because an
     * open index may still be reading it until its next pointer check; newer ones may be builds in
     * progress and are never touched.
     */
    void prune(String current, Optional<String> previous) throws IOException {
        long keepFrom = number(previous.orElse(current));
        for (String generation : generations()) {
            if (number(generation) < keepFrom && !generation.equals(current)) {
                discard(generation);
            }
        }
    }

    /** Deletes a generation directory; failures are logged, as a leftover only costs disk space. */
    void discard(String generation) {
        Path dir = root.resolve(generation);
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not delete old index generation " + dir + ": " + e);
        }
    }

    /**
     * Takes the build lock, so two builds into one root cannot publish out of order.
     *
     * @throws IOException when another build holds it
     */
    BuildLock lockForBuild() throws IOException {
        Files.createDirectories(root);
        FileChannel channel = FileChannel.open(root.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by another build in this same process
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new IOException("another index build is running in " + root);
        }
        return new BuildLock(channel);
    }

    /** Held for the duration of a build; closing releases it. */
    static final class BuildLock implements AutoCloseable {
        private final FileChannel channel;

        private BuildLock(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    private List<String> generations() throws IOException {
        List<String> names = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return names;
        }
        try (Stream<Path> children = Files.list(root)) {
            children.filter(Files::isDirectory)
                    .map(path -> path.getFileName().toString())
                    .filter(name -> NAME.matcher(name).matches())
                    .forEach(names::add);
        }
        return names;
    }

    private static long number(String generation) {
        Matcher matcher = NAME.matcher(generation);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a generation name: " + generation);
        }
        return Long.parseLong(matcher.group(1));
    }
}
