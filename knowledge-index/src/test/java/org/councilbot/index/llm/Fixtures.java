package org.councilbot.index.llm;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.councilbot.core.Passage;

/** Council passages and provider wire bodies shared by the tests. */
final class Fixtures {
    static final Passage BINS = passage("bins-1", "https://council.example/bins", "Bin collections",
            "General waste is collected every other Monday. Call 01632 960000 if your bin is missed.");
    static final Passage GARDEN = passage("garden-1", "https://council.example/garden-waste", "Garden waste",
            "A garden waste permit costs £45 a year and runs from 1 April.");

    private Fixtures() {
    }

    static Passage passage(String id, String url, String title, String text) {
        return new Passage(id, url, title, List.of(title), "waste", text, 1.0, 0.9);
    }

    static LlmSettings openAi(String baseUrl, Duration timeout) {
        return new LlmSettings("openai", baseUrl, "sk-test-secret", "gpt-4o-mini", "", "", timeout, 4000);
    }

    static LlmSettings azure(String endpoint, Duration timeout) {
        return new LlmSettings("azure-openai", endpoint, "azure-secret", "gpt-4o-mini", "councilbot-answers",
                "2024-10-21", timeout, 4000);
    }

    static LlmSettings ollama(String baseUrl, Duration timeout) {
        return new LlmSettings("ollama", baseUrl, "", "llama3.2", "", "", timeout, 4000);
    }

    /** An OpenAI chat completions stream: one {@code data:} event per piece, a finish chunk, then [DONE]. */
    static String openAiStream(String... pieces) {
        return openAiChunks(pieces) + openAiChunk("{}", "\"stop\"") + "data: [DONE]\n\n";
    }

    /** The same stream cut off before the finish chunk and [DONE]. */
    static String openAiChunks(String... pieces) {
        String first = openAiChunk("{\"role\":\"assistant\",\"content\":\"\"}", "null");
        return first + Stream.of(pieces)
                .map(piece -> openAiChunk("{\"content\":" + json(piece) + "}", "null"))
                .collect(Collectors.joining());
    }

    private static String openAiChunk(String delta, String finishReason) {
        return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
                + "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":" + delta
                + ",\"logprobs\":null,\"finish_reason\":" + finishReason + "}]}\n\n";
    }

    /** An Ollama {@code /api/chat} NDJSON stream: one line per piece, then the {@code done} line. */
    static String ollamaStream(String... pieces) {
        return ollamaLines(pieces) + "{\"model\":\"llama3.2\",\"created_at\":\"2025-01-01T00:00:01Z\","
                + "\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done_reason\":\"stop\",\"done\":true,"
                + "\"total_duration\":1000,\"prompt_eval_count\":10,\"eval_count\":5}\n";
    }

    /** The same stream without its {@code done} line. */
    static String ollamaLines(String... pieces) {
        return Stream.of(pieces)
                .map(piece -> "{\"model\":\"llama3.2\",\"created_at\":\"2025-01-01T00:00:00Z\",\"message\":"
                        + "{\"role\":\"assistant\",\"content\":" + json(piece) + "},\"done\":false}\n")
                .collect(Collectors.joining());
    }

    static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
