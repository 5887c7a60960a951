package org.councilbot.index.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LlmSettingsTest {
    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

    @Test
    void never_shows_the_api_key() {
        LlmSettings settings = Fixtures.openAi("https://api.openai.com/v1", TEN_SECONDS);

        assertThat(settings.toString()).doesNotContain("sk-test-secret").contains("apiKey=(set)");
    }

    @Test
    void names_the_setting_that_is_wrong() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new LlmSettings("gemini", "http://x", "k", "m", "", "", TEN_SECONDS, 4000))
                .withMessageContaining("llm.provider");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new LlmSettings("openai", "api.openai.com", "k", "m", "", "", TEN_SECONDS, 4000))
                .withMessageContaining("llm.base-url");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new LlmSettings("openai", "https://api.openai.com/v1", " ", "m", "", "",
                        TEN_SECONDS, 4000))
                .withMessageContaining("llm.api-key");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new LlmSettings("ollama", "http://localhost:11434", null, "", null, null,
                        TEN_SECONDS, 4000))
                .withMessageContaining("llm.model");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new LlmSettings("azure-openai", "https://r.openai.azure.com", "k", "m", "", "v",
                        TEN_SECONDS, 4000))
                .withMessageContaining("llm.azure-deployment");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new LlmSettings("azure-openai", "https://r.openai.azure.com", "k", "m", "d", "",
                        TEN_SECONDS, 4000))
                .withMessageContaining("llm.azure-api-version");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new LlmSettings("ollama", "http://localhost:11434", "", "m", "", "",
                        Duration.ZERO, 4000))
                .withMessageContaining("llm.timeout");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new LlmSettings("ollama", "http://localhost:11434", "", "m", "", "",
                        TEN_SECONDS, 10))
                .withMessageContaining("llm.max-source-chars");
    }

    @Test
    void a_factory_refuses_settings_for_another_provider() {
        LlmSettings ollama = Fixtures.ollama("http://localhost:11434", TEN_SECONDS);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> LlmAnswerComposer.openAiCompatible(ollama))
                .withMessageContaining("llm.provider must be openai");
    }

    @Test
    void names_the_composer_after_the_model() {
        assertThat(LlmAnswerComposer.of(Fixtures.ollama("http://localhost:11434", TEN_SECONDS)).name())
                .isEqualTo("llm:llama3.2");
    }
}
