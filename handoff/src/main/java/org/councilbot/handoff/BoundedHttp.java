package org.councilbot.handoff;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends one HTTP request with a deadline on the whole exchange and a cap on the body's size.
 *
 * <p>{@link HttpRequest#timeout} only bounds the wait for the response headers; a server that
 * dribbles its body would hold a caller for ever, so the whole exchange gets a deadline too.
 */
final class BoundedHttp {
    private final HttpClient client;
    private final Duration timeout;
    private final int maxBodyBytes;

    BoundedHttp(Duration timeout, int maxBodyBytes) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER) // a redirected POST could be sent twice
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.timeout = timeout;
        this.maxBodyBytes = maxBodyBytes;
    }

    Duration timeout() {
        return timeout;
    }

    HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(java.net.URI.create(url)).timeout(timeout);
    }

    /** The response, or a {@link Failure} saying why there is none. */
    Reply send(HttpRequest request) throws Failure {
        CompletableFuture<HttpResponse<String>> future =
                client.sendAsync(request, info -> new BoundedSubscriber(maxBodyBytes));
        try {
            HttpResponse<String> response = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Reply(response.statusCode(), response.body(), response.headers());
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new Failure(Failure.Kind.TIMEOUT, "did not answer within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new Failure(Failure.Kind.IO, "the call was interrupted");
        } catch (ExecutionException e) {
            throw classify(e.getCause());
        }
    }

    /**
     * Sends without waiting: the future fails with a {@link Failure} when there is no response.
     * The deadline stops the wait; a body still arriving then is left to the request's own timeout.
     */
    CompletableFuture<Reply> sendAsync(HttpRequest request) {
        return client.sendAsync(request, info -> new BoundedSubscriber(maxBodyBytes))
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .handle((response, error) -> {
                    if (error != null) {
                        Throwable cause = error instanceof CompletionException && error.getCause() != null
                                ? error.getCause() : error;
                        throw new CompletionException(classify(cause));
                    }
                    return new Reply(response.statusCode(), response.body(), response.headers());
                });
    }

    private Failure classify(Throwable cause) {
        if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
            return new Failure(Failure.Kind.TIMEOUT, "did not answer within " + timeout.toMillis() + " ms");
        }
        if (cause instanceof BodyTooLargeException) {
            return new Failure(Failure.Kind.TOO_LARGE, "sent a body larger than " + maxBodyBytes + " bytes");
        }
        if (cause instanceof ConnectException) {
            return new Failure(Failure.Kind.CONNECT, "refused the connection");
        }
        if (cause instanceof IOException) {
            return new Failure(Failure.Kind.IO, "broke the connection (" + cause.getClass().getSimpleName() + ")");
        }
        return new Failure(Failure.Kind.IO, "could not be called (" + cause.getClass().getSimpleName() + ")");
    }

    /** What came back: the status, the body decoded as UTF-8, and the headers. */
    record Reply(int status, String body, HttpHeaders headers) {
        boolean isSuccess() {
            return status >= 200 && status < 300;
        }

        Optional<String> header(String name) {
            return headers.firstValue(name);
        }
    }

    /** No response: the message completes a sentence that starts with the server's name. */
    static final class Failure extends Exception {
        enum Kind { TIMEOUT, CONNECT, IO, TOO_LARGE }

        private final Kind kind;

        Failure(Kind kind, String message) {
            super(message, null, false, false);
            this.kind = kind;
        }

        Kind kind() {
            return kind;
        }
    }

    private static final class BodyTooLargeException extends IOException {
        BodyTooLargeException() {
            super("body too large");
        }
    }

    /** Collects the body, giving up (and closing the connection) once it passes the cap. */
    private static final class BoundedSubscriber implements HttpResponse.BodySubscriber<String> {
        private final CompletableFuture<String> result = new CompletableFuture<>();
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private final int maxBytes;
        private Flow.Subscription subscription;

        BoundedSubscriber(int maxBytes) {
            this.maxBytes = maxBytes;
        }

        @Override
        public CompletionStage<String> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                if ((long) body.size() + buffer.remaining() > maxBytes) {
                    subscription.cancel();
                    result.completeExceptionally(new BodyTooLargeException());
                    return;
                }
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                body.writeBytes(bytes);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            result.complete(body.toString(StandardCharsets.UTF_8));
        }
    }
}
