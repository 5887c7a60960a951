package org.councilbot.index.crawl;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/**
 * A web site on a local port for crawl tests: resources that can be changed or removed between
 * crawls, a log of every request with what was answered, and a count of requests in flight.
 */
final class TestSite implements AutoCloseable {
    /** Last-Modified of every resource that does not say otherwise. */
    static final String LAST_MODIFIED = "Mon, 02 Jun 2025 09:00:00 GMT";
    /** An endless body stops here, far beyond any page limit, so a crawler that reads it whole fails the test. */
    static final long ENDLESS_CAP = 1024L * 1024 * 1024;

    /**
     * One request as the site saw it.
     *
     * @param path      path and query
     * @param headers   request headers, names in lower case
     * @param status    the status answered
     * @param bodyBytes body bytes the site managed to write before the answer ended or the client left
     */
    record Request(String path, Map<String, String> headers, int status, long bodyBytes) {
        Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase()));
        }
    }

    /** Answers one request; returns the status sent and the body bytes written. */
    @FunctionalInterface
    interface Resource {
        long[] answer(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Resource> resources = new ConcurrentHashMap<>();
    private final Queue<Request> requests = new ConcurrentLinkedQueue<>();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile int holdUntilInFlight = 1;

    private TestSite(HttpServer server) {
        this.server = server;
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    static TestSite start() throws IOException {
        return new TestSite(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
    }

    /** {@code http://127.0.0.1:port} and {@code path}. */
    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void put(String path, Resource resource) {
        resources.put(path, resource);
    }

    void remove(String path) {
        resources.remove(path);
    }

    /** The requests answered so far, once those in flight (a huge body the crawler hung up on) have ended. */
    List<Request> requests() {
        awaitIdle();
        return List.copyOf(requests);
    }

    List<Request> requestsTo(String path) {
        return requests().stream().filter(request -> request.path().equals(path)).toList();
    }

    private void awaitIdle() {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        try {
            while (open.get() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void clearLog() {
        requests.clear();
    }

    int maxInFlight() {
        return maxInFlight.get();
    }

    /**
     * Makes each page request wait (up to a moment) until {@code count} requests are in flight, so
     * that a crawler's concurrency shows even on a fast machine.
     */
    void holdUntilInFlight(int count) {
        holdUntilInFlight = count;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        open.incrementAndGet();
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        long[] answered = {0, 0};
        try {
            if (!path.equals("/robots.txt") && !path.contains("sitemap")) {
                awaitPeers();
            }
            // Counted out before answering: a client can send its next request only once it has this answer,
            // so the count never takes one client request for two.
            inFlight.decrementAndGet();
            Resource resource = resources.getOrDefault(path, status(404));
            answered = resource.answer(exchange);
        } finally {
            Map<String, String> headers = new ConcurrentHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            requests.add(new Request(path, Map.copyOf(headers), (int) answered[0], answered[1]));
            exchange.close();
            open.decrementAndGet();
        }
    }

    private void awaitPeers() {
        long deadline = System.nanoTime() + Duration.ofMillis(300).toNanos();
        try {
            while (inFlight.get() < holdUntilInFlight && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // Resources

    /** An HTML page with an ETag (its hash) and Last-Modified, answering 304 to either validator. */
    static Resource html(String body) {
        return document("text/html; charset=utf-8", body.getBytes(StandardCharsets.UTF_8), true);
    }

    /** An HTML page with Last-Modified but no ETag: only If-Modified-Since can make it answer 304. */
    static Resource htmlWithoutEtag(String body) {
        return htmlWithoutEtag(body, LAST_MODIFIED);
    }

    static Resource htmlWithoutEtag(String body, String lastModified) {
        return document("text/html; charset=utf-8", body.getBytes(StandardCharsets.UTF_8), false, lastModified);
    }

    static Resource document(String contentType, byte[] body, boolean etag) {
        return document(contentType, body, etag, LAST_MODIFIED);
    }

    private static Resource document(String contentType, byte[] body, boolean etag, String lastModified) {
        String tag = "\"" + CrawlFolder.sha256(body).substring(0, 16) + "\"";
        return exchange -> {
            exchange.getResponseHeaders().set("Last-Modified", lastModified);
            if (etag) {
                exchange.getResponseHeaders().set("ETag", tag);
            }
            String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
            String ifModifiedSince = exchange.getRequestHeaders().getFirst("If-Modified-Since");
            boolean notModified = etag && ifNoneMatch != null ? ifNoneMatch.equals(tag)
                    : lastModified.equals(ifModifiedSince);
            if (notModified) {
                exchange.sendResponseHeaders(304, -1);
                return new long[] {304, 0};
            }
            return send(exchange, 200, contentType, body);
        };
    }

    static Resource status(int status) {
        return exchange -> send(exchange, status, "text/html", ("<html><body><h1>Error " + status
                + "</h1></body></html>").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Refuses the first {@code refusals} requests with {@code status} and, if not empty, a
     * Retry-After; then answers as {@code then}.
     */
    static Resource refusing(int refusals, int status, String retryAfter, Resource then) {
        java.util.concurrent.atomic.AtomicInteger left = new java.util.concurrent.atomic.AtomicInteger(refusals);
        return exchange -> {
            if (left.getAndDecrement() > 0) {
                if (!retryAfter.isEmpty()) {
                    exchange.getResponseHeaders().set("Retry-After", retryAfter);
                }
                return send(exchange, status, "text/html", "<p>Slow down</p>".getBytes(StandardCharsets.UTF_8));
            }
            return then.answer(exchange);
        };
    }

    static Resource redirect(int status, String location) {
        return exchange -> {
            exchange.getResponseHeaders().set("Location", location);
            return send(exchange, status, "text/html", "<p>Moved</p>".getBytes(StandardCharsets.UTF_8));
        };
    }

    /** A body that never ends (until {@link #ENDLESS_CAP}), declared or not by a Content-Length. */
    static Resource endless(String contentType, long declaredLength) {
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(200, declaredLength);
            byte[] chunk = ("<p>" + "Planning application notes. ".repeat(2000) + "</p>\n")
                    .getBytes(StandardCharsets.UTF_8);
            long written = 0;
            try (OutputStream out = exchange.getResponseBody()) {
                long limit = declaredLength > 0 ? declaredLength : ENDLESS_CAP;
                while (written < limit) {
                    int length = (int) Math.min(chunk.length, limit - written);
                    out.write(chunk, 0, length);
                    written += length;
                }
            } catch (IOException e) {
                // The crawler hung up: exactly what a bounded read should do.
            }
            return new long[] {200, written};
        };
    }

    static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static long[] send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        long written = 0;
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
            written = body.length;
        } catch (IOException e) {
            // A client that does not want the body (a binary it skips) may hang up before it is all sent.
        }
        return new long[] {status, written};
    }
}
