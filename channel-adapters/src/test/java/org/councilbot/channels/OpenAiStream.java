package org.councilbot.channels;

import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Bodies of OpenAI's chat-completions stream, as an OpenAI-compatible provider sends them. */
final class OpenAiStream {
    private OpenAiStream() {
    }

    /** The server's settings for an OpenAI-compatible provider at {@code baseUrl} (ending /v1), model gpt-4o-mini. */
    static java.util.Map<String, String> providerAt(String baseUrl) {
        return java.util.Map.of("COUNCILBOT_LLM_PROVIDER", "openai", "COUNCILBOT_LLM_BASE_URL", baseUrl,
                "COUNCILBOT_LLM_API_KEY", "sk-test", "COUNCILBOT_LLM_MODEL", "gpt-4o-mini",
                "COUNCILBOT_LLM_TIMEOUT", "5s");
    }

    /** The whole answer, a word a chunk, then the finish chunk and [DONE]. */
    static String answering(String answer) {
        return cutOff(answer) + chunk("{}", "\"stop\"") + "data: [DONE]\n\n";
    }

    /** The answer's chunks with nothing after them, as when the provider's connection drops. */
    static String cutOff(String answer) {
        return chunk("{\"role\":\"assistant\",\"content\":\"\"}", "null") + Stream.of(answer.split("(?<= )"))
                .map(piece -> chunk("{\"content\":\"" + piece.replace("\"", "\\\"") + "\"}", "null"))
                .collect(Collectors.joining());
    }

    private static String chunk(String delta, String finishReason) {
        return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
                + "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":" + delta
                + ",\"logprobs\":null,\"finish_reason\":" + finishReason + "}]}\n\n";
    }
}
