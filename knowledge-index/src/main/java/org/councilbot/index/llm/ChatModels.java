package org.councilbot.index.llm;

import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.util.Map;

/**
 * Builds LangChain4j's streaming chat model for each provider from councilbot's settings, on an
 * HTTP client that tells the provider's cool-down about every response.
 */
final class ChatModels {
    private ChatModels() {
    }

    static StreamingChatModel openAiCompatible(LlmSettings settings, ProviderCooldown cooldown) {
        return OpenAiStreamingChatModel.builder()
                .baseUrl(settings.baseUrl())
                .apiKey(settings.apiKey())
                .modelName(settings.model())
                .timeout(settings.timeout())
                .httpClientBuilder(httpClient(cooldown))
                .build();
    }

    /**
     * Azure OpenAI through the OpenAI-compatible client: the deployment's URL as base, the key in
     * Azure's {@code api-key} header instead of a bearer token, and the {@code api-version} query.
     */
    static StreamingChatModel azureOpenAi(LlmSettings settings, ProviderCooldown cooldown) {
        return OpenAiStreamingChatModel.builder()
                .baseUrl(settings.baseUrl() + "/openai/deployments/" + settings.azureDeployment())
                .customHeaders(Map.of("api-key", settings.apiKey()))
                .customQueryParams(Map.of("api-version", settings.azureApiVersion()))
                .modelName(settings.model())
                .timeout(settings.timeout())
                .httpClientBuilder(httpClient(cooldown))
                .build();
    }

    /** Ollama; a key, if set, is sent as a bearer token for servers behind an authenticating proxy. */
    static StreamingChatModel ollama(LlmSettings settings, ProviderCooldown cooldown) {
        OllamaStreamingChatModel.OllamaStreamingChatModelBuilder builder = OllamaStreamingChatModel.builder();
        builder.baseUrl(settings.baseUrl())
                .modelName(settings.model())
                .timeout(settings.timeout())
                .httpClientBuilder(httpClient(cooldown));
        if (!settings.apiKey().isBlank()) {
            builder.customHeaders(Map.of("Authorization", "Bearer " + settings.apiKey()));
        }
        return builder.build();
    }

    private static HttpClientBuilder httpClient(ProviderCooldown cooldown) {
        return new JsonEventsHttpClientBuilder(JdkHttpClient.builder()
                .httpClientBuilder(ObservingHttpClient.builder(cooldown::observe)));
    }
}
