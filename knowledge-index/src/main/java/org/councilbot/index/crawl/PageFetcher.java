package org.councilbot.index.crawl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * Sends one GET and reads its body within a byte limit, never more: a body over the limit is
 * abandoned as soon as it passes it (or before the first byte, when its Content-Length says so),
 * and a body of an unwanted type is not read at all.
 *
 * <p>Redirects are not followed here: the crawler follows them itself, to keep them on the site.
 * The timeout covers the whole exchange, body included, so a server that trickles a page cannot
 * hold a worker for ever.
 */
final class PageFetcher {
    /** Enough for any error page or redirect notice, which are read only to keep the connection reusable. */
    static final long OTHER_STATUS_BYTES = 64 * 1024;

    /** What came of a response's body. */
    sealed interface Body {
    }

    /** The whole body, within the limit. */
    record Content(byte[] bytes) implements Body {
    }

    /** The body passed {@code limit} bytes (or declared it would) and was abandoned; {@code start} is what was read. */
    record TooLarge(long limit, OptionalLong declared, byte[] start) implements Body {
    }

    /** A 200 of a type not asked for; its body was not read. */
    record Unwanted(String contentType) implements Body {
    }

    /** Not a 200: the body (an error page, a redirect notice) was read up to a small limit and dropped. */
    record Discarded() implements Body {
    }

    /** A response: its status and headers and what became of its body. */
    record Response(int status, HttpHeaders headers, Body body) {
        Optional<String> header(String name) {
            return headers.firstValue(name).map(String::strip).filter(value -> !value.isEmpty());
        }

        /** The media type, lower case without parameters; empty when the server sent none. */
        String mediaType() {
            return PageFetcher.mediaType(headers);
        }

        /** The charset the Content-Type declares, if any. */
        Optional<String> charset() {
            for (String part : headers.firstValue("Content-Type").orElse("").split(";")) {
                String parameter = part.strip();
                if (parameter.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                    String charset = parameter.substring("charset=".length()).replace("\"", "").strip();
                    return charset.isEmpty() ? Optional.empty() : Optional.of(charset);
                }
            }
            return Optional.empty();
        }
    }

    /** The validators of a stored copy, sent so that an unchanged page answers 304 without its body. */
    record Validators(String etag, String lastModified) {
        static final Validators NONE = new Validators("", "");
    }

    private final HttpClient client;
    private final String userAgent;
    private final Duration timeout;

    PageFetcher(HttpClient client, String userAgent, Duration timeout) {
        this.client = client;
        this.userAgent = userAgent;
        this.timeout = timeout;
    }

    /**
     * GETs {@code url}, reading a 200's body when {@code wanted} accepts its media type and it is
     * within {@code maxBytes}.
     *
     * @throws HttpTimeoutException when the exchange takes longer than the timeout
     * @throws IOException          when the server cannot be reached or the connection fails
     */
    Response get(URI url, Validators validators, long maxBytes, Predicate<String> wanted)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).GET().timeout(timeout)
                .header("User-Agent", userAgent)
                .header("Accept", "text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.1");
        if (!validators.etag().isEmpty()) {
            request.header("If-None-Match", validators.etag());
        }
        if (!validators.lastModified().isEmpty()) {
            request.header("If-Modified-Since", validators.lastModified());
        }
        HttpResponse.BodyHandler<Body> handler = info -> {
            if (info.statusCode() != 200) {
                return new BoundedBody(OTHER_STATUS_BYTES, true);
            }
            String type = mediaType(info.headers());
            if (!wanted.test(type)) {
                return new RefusedBody(new Unwanted(type.isEmpty() ? "none given" : type));
            }
            OptionalLong declared = info.headers().firstValueAsLong("Content-Length");
            if (declared.isPresent() && declared.getAsLong() > maxBytes) {
                return new RefusedBody(new TooLarge(maxBytes, declared, new byte[0]));
            }
            return new BoundedBody(maxBytes, false);
        };
        CompletableFuture<HttpResponse<Body>> exchange = client.sendAsync(request.build(), handler);
        try {
            HttpResponse<Body> response = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new HttpTimeoutException("no complete answer within " + timeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            exchange.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(cause == null ? e.toString() : cause.toString(), cause);
        }
    }

    static String mediaType(HttpHeaders headers) {
        String type = headers.firstValue("Content-Type").orElse("");
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Collects a body up to a limit; past it, cancels the subscription, which makes the client drop
     * the connection instead of reading on.
     */
    private static final class BoundedBody implements HttpResponse.BodySubscriber<Body> {
        private final long limit;
        private final boolean discard;
        private final CompletableFuture<Body> result = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private Flow.Subscription subscription;

        BoundedBody(long limit, boolean discard) {
            this.limit = limit;
            this.discard = discard;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                int length = buffer.remaining();
                if (bytes.size() + (long) length > limit) {
                    byte[] part = new byte[(int) (limit - bytes.size())];
                    buffer.get(part);
                    bytes.writeBytes(part);
                    subscription.cancel();
                    result.complete(discard ? new Discarded()
                            : new TooLarge(limit, OptionalLong.empty(), bytes.toByteArray()));
                    return;
                }
                byte[] chunk = new byte[length];
                buffer.get(chunk);
                bytes.writeBytes(chunk);
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(discard ? new Discarded() : new Content(bytes.toByteArray()));
        }

        @Override
        public CompletionStage<Body> getBody() {
            return result;
        }
    }

    /** Reads nothing: cancels at once and answers what was decided from the headers. */
    private record RefusedBody(Body body) implements HttpResponse.BodySubscriber<Body> {
        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.cancel();
        }

        @Override
        public void onNext(List<ByteBuffer> item) {
        }

        @Override
        public void onError(Throwable throwable) {
        }

        @Override
        public void onComplete() {
        }

        @Override
        public CompletionStage<Body> getBody() {
            return CompletableFuture.completedFuture(body);
        }
    }
}
