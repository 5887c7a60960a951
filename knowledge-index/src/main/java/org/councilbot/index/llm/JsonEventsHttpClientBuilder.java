package org.councilbot.index.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventContext;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.time.Duration;

/**
 * A LangChain4j HTTP client made to fail a stream whose events are not JSON.
 *
 * <p>LangChain4j's Ollama client skips a streamed line it cannot parse, which silently drops words
 * from an answer (its OpenAI client already fails). Here the first malformed event ends the stream
 * with an error, the same for every provider.
 */
final class JsonEventsHttpClientBuilder implements HttpClientBuilder {
    private final HttpClientBuilder delegate;
    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    JsonEventsHttpClientBuilder(HttpClientBuilder delegate) {
        this.delegate = delegate;
    }

    @Override
    public Duration connectTimeout() {
        return delegate.connectTimeout();
    }

    @Override
    public HttpClientBuilder connectTimeout(Duration timeout) {
        delegate.connectTimeout(timeout);
        return this;
    }

    @Override
    public Duration readTimeout() {
        return delegate.readTimeout();
    }

    @Override
    public HttpClientBuilder readTimeout(Duration timeout) {
        delegate.readTimeout(timeout);
        return this;
    }

    @Override
    public HttpClient build() {
        return new JsonEventsClient(delegate.build(), json);
    }

    /** Thrown into the stream when an event is not JSON; says nothing of the event's content. */
    static final class MalformedEventException extends RuntimeException {
        MalformedEventException(Throwable cause) {
            super("a streamed event was not valid JSON", cause);
        }
    }

    private record JsonEventsClient(HttpClient delegate, ObjectMapper json) implements HttpClient {
        @Override
        public SuccessfulHttpResponse execute(HttpRequest request) {
            return delegate.execute(request);
        }

        @Override
        public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
            delegate.execute(request, parser, new JsonEventsListener(listener, json));
        }
    }

    private static final class JsonEventsListener implements ServerSentEventListener {
        private final ServerSentEventListener delegate;
        private final ObjectMapper json;
        private volatile boolean failed;

        JsonEventsListener(ServerSentEventListener delegate, ObjectMapper json) {
            this.delegate = delegate;
            this.json = json;
        }

        @Override
        public void onOpen(SuccessfulHttpResponse response) {
            delegate.onOpen(response);
        }

        @Override
        public void onEvent(ServerSentEvent event, ServerSentEventContext context) {
            if (wellFormed(event)) {
                delegate.onEvent(event, context);
            }
        }

        @Override
        public void onEvent(ServerSentEvent event) {
            if (wellFormed(event)) {
                delegate.onEvent(event);
            }
        }

        @Override
        public void onError(Throwable error) {
            if (!failed) {
                delegate.onError(error);
            }
        }

        @Override
        public void onClose() {
            delegate.onClose();
        }

        private boolean wellFormed(ServerSentEvent event) {
            if (failed) {
                return false;
            }
            String data = event.data();
            if (data == null || data.isBlank() || data.strip().equals("[DONE]")) {
                return true;
            }
            try {
                json.readTree(data);
                return true;
            } catch (JsonProcessingException e) {
                failed = true;
                delegate.onError(new MalformedEventException(e));
                return false;
            }
        }
    }
}
