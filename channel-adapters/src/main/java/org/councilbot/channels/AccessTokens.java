package org.councilbot.channels;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Issues the bearer tokens that bind a resident to a conversation, and checks them.
 *
 * <p>Only the SHA-256 of a token is stored, so a leaked database does not let anyone post into
 * residents' conversations.
 */
final class AccessTokens {
    private final SecureRandom random;

    AccessTokens(SecureRandom random) {
        this.random = random;
    }

    String issue() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Constant-time comparison of a presented token with a stored hash. */
    static boolean matches(String presentedToken, String storedHash) {
        if (storedHash.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(hash(presentedToken).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
