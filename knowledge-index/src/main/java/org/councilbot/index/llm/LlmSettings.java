package org.councilbot.index.llm;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * How to reach the language model that writes answers, read from the {@code llm.*} settings.
 *
 * <p>Validated when built, so a council's bad configuration fails at start with a message naming
 * the setting. Settings a provider does not use may be blank. The API key never appears in
 * {@link #toString()}.
 *
 * @param provider        {@code llm.provider}: {@code openai} (any OpenAI-compatible endpoint),
 *                        {@code azure-openai} or {@code ollama}
 * @param baseUrl         {@code llm.base-url}: for {@code openai} the API root including
 *                        {@code /v1}; for {@code azure-openai} the resource endpoint
 *                        {@code https://{resource}.openai.azure.com}; for {@code ollama} the server,
 *                        e.g. {@code http://localhost:11434}
 * @param apiKey          {@code llm.api-key}: required for {@code openai} and {@code azure-openai}
 * @param model           {@code llm.model}: the model name, e.g. {@code gpt-4o-mini}; for Azure the
 *                        model behind the deployment, used in names and logs
 * @param azureDeployment {@code llm.azure-deployment}: the Azure deployment name
 * @param azureApiVersion {@code llm.azure-api-version}: e.g. {@code 2024-10-21}
 * @param timeout         {@code llm.timeout}: the whole composition, first byte to last token
 * @param maxSourceChars  {@code llm.max-source-chars}: passage text sent to the model, in total
 */
public record LlmSettings(String provider, String baseUrl, String apiKey, String model, String azureDeployment,
                          String azureApiVersion, Duration timeout, int maxSourceChars) {

    public static final String OPENAI = "openai";
    public static final String AZURE_OPENAI = "azure-openai";
    public static final String OLLAMA = "ollama";

    private static final Set<String> PROVIDERS = Set.of(OPENAI, AZURE_OPENAI, OLLAMA);
    private static final int MIN_SOURCE_CHARS = 200;

    public LlmSettings {
        provider = required(provider, "llm.provider").toLowerCase(Locale.ROOT);
        if (!PROVIDERS.contains(provider)) {
            throw new IllegalArgumentException(
                    "llm.provider must be one of openai, azure-openai, ollama; was '" + provider + "'");
        }
        baseUrl = httpUrl(required(baseUrl, "llm.base-url"));
        apiKey = blankIfNull(apiKey);
        model = required(model, "llm.model");
        azureDeployment = blankIfNull(azureDeployment);
        azureApiVersion = blankIfNull(azureApiVersion);
        Objects.requireNonNull(timeout, "llm.timeout must be set");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("llm.timeout must be positive, was " + timeout);
        }
        if (maxSourceChars < MIN_SOURCE_CHARS) {
            throw new IllegalArgumentException(
                    "llm.max-source-chars must be at least " + MIN_SOURCE_CHARS + ", was " + maxSourceChars);
        }
        if (!provider.equals(OLLAMA) && apiKey.isBlank()) {
            throw new IllegalArgumentException("llm.api-key must be set for llm.provider " + provider);
        }
        if (provider.equals(AZURE_OPENAI)) {
            required(azureDeployment, "llm.azure-deployment");
            required(azureApiVersion, "llm.azure-api-version");
            if (azureDeployment.contains("/")) {
                throw new IllegalArgumentException("llm.azure-deployment must be a bare name, was '"
                        + azureDeployment + "'");
            }
        }
    }

    @Override
    public String toString() {
        return "LlmSettings[provider=" + provider + ", baseUrl=" + baseUrl + ", apiKey="
                + (apiKey.isBlank() ? "(none)" : "(set)") + ", model=" + model + ", azureDeployment="
                + azureDeployment + ", azureApiVersion=" + azureApiVersion + ", timeout=" + timeout
                + ", maxSourceChars=" + maxSourceChars + "]";
    }

    private static String required(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + " must be set");
        }
        return value.strip();
    }

    private static String blankIfNull(String value) {
        return value == null ? "" : value.strip();
    }

    private static String httpUrl(String value) {
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("llm.base-url is not a URL: '" + value + "'", e);
        }
        if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new IllegalArgumentException("llm.base-url must be an http(s) URL with a host, was '" + value + "'");
        }
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }
}
