package org.councilbot.channels;

import java.time.Duration;

/**
 * Limits of the web channel ({@code councilbot.web.*}).
 *
 * @param maxBodyBytes               largest JSON request body accepted
 * @param maxStreamsPerConversation  live event streams allowed per conversation
 * @param heartbeat                  how often an idle event stream gets a keep-alive comment
 * @param maxStreamLifetime          when an event stream is closed (clients reconnect)
 */
public record WebSettings(int maxBodyBytes, int maxStreamsPerConversation, Duration heartbeat,
                          Duration maxStreamLifetime) {
    public static WebSettings defaults() {
        return new WebSettings(16 * 1024, 3, Duration.ofSeconds(15), Duration.ofMinutes(30));
    }
}
