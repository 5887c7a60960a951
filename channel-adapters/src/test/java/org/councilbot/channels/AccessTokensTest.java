package org.councilbot.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class AccessTokensTest {
    private final AccessTokens tokens = new AccessTokens(new SecureRandom());

    @Test
    void issues_distinct_256_bit_tokens() {
        String first = tokens.issue();
        assertThat(first).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(tokens.issue()).isNotEqualTo(first);
    }

    @Test
    void matches_only_the_token_whose_hash_is_stored() {
        String token = tokens.issue();
        String stored = AccessTokens.hash(token);
        assertThat(stored).hasSize(64).doesNotContain(token);
        assertThat(AccessTokens.matches(token, stored)).isTrue();
        assertThat(AccessTokens.matches(tokens.issue(), stored)).isFalse();
        assertThat(AccessTokens.matches(token, "")).isFalse();
    }
}
