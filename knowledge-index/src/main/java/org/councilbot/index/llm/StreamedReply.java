package org.councilbot.index.llm;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Receives one streamed chat response on the provider's thread and lets the caller wait for its end.
 *
 * <p>A failure of the sink itself ends the wait too, so an exception on the streaming thread can
 * never leave the caller waiting for the timeout.
 */
final class StreamedReply implements StreamingChatResponseHandler {
    private final CitationFilter tokens;
    private final CompletableFuture<ChatResponse> done = new CompletableFuture<>();
    private final AtomicReference<StreamingHandle> handle = new AtomicReference<>();

    StreamedReply(CitationFilter tokens) {
        this.tokens = tokens;
    }

    @Override
    public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
        handle.set(context.streamingHandle());
        onPartialResponse(partial.text());
    }

    @Override
    public void onPartialResponse(String piece) {
        try {
            tokens.token(piece);
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
        }
    }

    @Override
    public void onCompleteResponse(ChatResponse response) {
        done.complete(response);
    }

    @Override
    public void onError(Throwable error) {
        done.completeExceptionally(error);
    }

    /**
     * The complete response.
     *
     * @throws TimeoutException   when it has not ended within {@code timeout}
     * @throws ExecutionException when the provider or the sink failed
     */
    ChatResponse await(Duration timeout) throws InterruptedException, ExecutionException, TimeoutException {
        return done.get(Math.max(1, timeout.toNanos()), TimeUnit.NANOSECONDS);
    }

    /** Stops listening: late tokens are dropped and the provider's stream is cancelled if it can be. */
    void abandon() {
        tokens.close();
        done.cancel(false);
        StreamingHandle streaming = handle.get();
        if (streaming != null && !streaming.isCancelled()) {
            streaming.cancel();
        }
    }
}
