package org.councilbot.index.llm;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SequencedSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import org.councilbot.core.AnswerComposer;
import org.councilbot.core.Citation;
import org.councilbot.core.ComposedAnswer;
import org.councilbot.core.CouncilbotException;
import org.councilbot.core.Passage;
import org.councilbot.core.TokenSink;

/**
 * Writes answers with a language model from numbered sources, streaming them as they are written.
 *
 * <p>Any trouble with the provider (timeout, refusal, 429, 5xx, a malformed or cut-off stream)
 * ends in a {@link CouncilbotException} with code {@code llm_unavailable}, and an answer citing a
 * source it was not given in {@code llm_invalid_answer}, so the engine falls back to the extractive
 * composer. Exception messages name the failure and HTTP status, never the provider's body. When
 * the model says it does not know, the answer is empty.
 *
 * <p>When the provider answers 429, or 503 with {@code Retry-After}, it is not called again until
 * the time it asked for (see {@link ProviderCooldown}); meanwhile every composition fails at once
 * with {@code llm_unavailable}, so residents get the extractive answer without a wasted request.
 */
public final class LlmAnswerComposer implements AnswerComposer {
    static final String UNAVAILABLE = "llm_unavailable";
    static final String INVALID_ANSWER = "llm_invalid_answer";

    private final StreamingChatModel model;
    private final ProviderCooldown cooldown;
    private final String name;
    private final Duration timeout;
    private final SourcePrompt prompt;

    private LlmAnswerComposer(LlmSettings settings, Clock clock,
                              BiFunction<LlmSettings, ProviderCooldown, StreamingChatModel> models) {
        this.name = "llm:" + settings.model();
        this.cooldown = new ProviderCooldown(Objects.requireNonNull(clock, "clock"), name);
        this.model = models.apply(settings, cooldown);
        this.timeout = settings.timeout();
        this.prompt = new SourcePrompt(settings.maxSourceChars());
    }

    /** The composer for the provider the settings name, timing cool-downs by the system clock. */
    public static LlmAnswerComposer of(LlmSettings settings) {
        return of(settings, Clock.systemUTC());
    }

    /** The composer for the provider the settings name; {@code clock} times provider cool-downs. */
    public static LlmAnswerComposer of(LlmSettings settings, Clock clock) {
        return switch (settings.provider()) {
            case LlmSettings.AZURE_OPENAI -> azureOpenAi(settings, clock);
            case LlmSettings.OLLAMA -> ollama(settings, clock);
            default -> openAiCompatible(settings, clock);
        };
    }

    /** Any endpoint that speaks OpenAI's chat completions API at {@code llm.base-url}. */
    public static LlmAnswerComposer openAiCompatible(LlmSettings settings) {
        return openAiCompatible(settings, Clock.systemUTC());
    }

    public static LlmAnswerComposer openAiCompatible(LlmSettings settings, Clock clock) {
        requireProvider(settings, LlmSettings.OPENAI);
        return new LlmAnswerComposer(settings, clock, ChatModels::openAiCompatible);
    }

    /** An Azure OpenAI deployment. */
    public static LlmAnswerComposer azureOpenAi(LlmSettings settings) {
        return azureOpenAi(settings, Clock.systemUTC());
    }

    public static LlmAnswerComposer azureOpenAi(LlmSettings settings, Clock clock) {
        requireProvider(settings, LlmSettings.AZURE_OPENAI);
        return new LlmAnswerComposer(settings, clock, ChatModels::azureOpenAi);
    }

    /** An Ollama server. */
    public static LlmAnswerComposer ollama(LlmSettings settings) {
        return ollama(settings, Clock.systemUTC());
    }

    public static LlmAnswerComposer ollama(LlmSettings settings, Clock clock) {
        requireProvider(settings, LlmSettings.OLLAMA);
        return new LlmAnswerComposer(settings, clock, ChatModels::ollama);
    }

    @Override
    public Optional<ComposedAnswer> compose(String question, List<Passage> passages) {
        return compose(question, passages, piece -> { });
    }

    @Override
    public Optional<ComposedAnswer> compose(String question, List<Passage> passages, TokenSink tokens) {
        if (passages.isEmpty()) {
            return Optional.empty();
        }
        Optional<Instant> coolingDown = cooldown.calledAgainAt();
        if (coolingDown.isPresent()) {
            throw unavailable("the provider asked not to be called until " + coolingDown.get(), null);
        }
        SourcePrompt.Messages messages = prompt.build(question, passages);
        CitationFilter filter = new CitationFilter(tokens);
        StreamedReply reply = new StreamedReply(filter);
        ChatResponse response;
        try {
            model.chat(ChatRequest.builder()
                    .messages(SystemMessage.from(messages.system()), UserMessage.from(messages.user()))
                    .build(), reply);
            response = reply.await(timeout);
        } catch (TimeoutException e) {
            reply.abandon();
            throw unavailable("timed out after " + timeout, e);
        } catch (ExecutionException e) {
            reply.abandon();
            throw unavailable(describe(e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            reply.abandon();
            Thread.currentThread().interrupt();
            throw unavailable("interrupted while waiting", e);
        } catch (RuntimeException e) {
            reply.abandon();
            throw unavailable(describe(e), e);
        }
        filter.finish();
        requireFinished(response.finishReason());
        if (filter.saidDontKnow()) {
            return Optional.empty();
        }
        String text = filter.text();
        if (text.isBlank()) {
            throw unavailable("the answer was empty", null);
        }
        return Optional.of(new ComposedAnswer(text, citations(filter.cited(), messages.numbered())));
    }

    @Override
    public String name() {
        return name;
    }

    private void requireFinished(FinishReason reason) {
        if (reason == null) {
            throw unavailable("the stream ended without a finish reason (truncated)", null);
        }
        if (reason != FinishReason.STOP) {
            throw unavailable("the answer stopped early: " + reason, null);
        }
    }

    private List<Citation> citations(List<Integer> cited, List<Passage> numbered) {
        SequencedSet<Citation> citations = new LinkedHashSet<>();
        for (int n : cited) {
            if (n < 1 || n > numbered.size()) {
                throw new CouncilbotException(INVALID_ANSWER,
                        name + " cited source [" + n + "] but was given " + numbered.size());
            }
            citations.add(numbered.get(n - 1).citation());
        }
        if (citations.isEmpty()) {
            citations.add(numbered.get(0).citation());
        }
        return List.copyOf(citations);
    }

    private CouncilbotException unavailable(String why, Throwable cause) {
        return new CouncilbotException(UNAVAILABLE, name + " unavailable: " + why, cause);
    }

    /** The failure's kind and HTTP status, without the provider's message, which may echo the body. */
    private static String describe(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof HttpException http) {
                return error.getClass().getSimpleName() + ", HTTP " + http.statusCode();
            }
        }
        return error == null ? "unknown failure" : error.getClass().getSimpleName();
    }

    private static void requireProvider(LlmSettings settings, String provider) {
        if (!settings.provider().equals(provider)) {
            throw new IllegalArgumentException("llm.provider must be " + provider + " for this composer, was "
                    + settings.provider());
        }
    }
}
