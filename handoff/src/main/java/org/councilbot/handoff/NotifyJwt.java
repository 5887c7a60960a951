package org.councilbot.handoff;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The bearer token GOV.UK Notify asks for: a JWT signed HS256 with the API key's secret, whose
 * {@code iss} is the service id and {@code iat} the current time in seconds (Notify refuses
 * tokens more than 30 seconds off its clock, so one is made per call).
 */
final class NotifyJwt {
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER = BASE64URL.encodeToString("{\"typ\":\"JWT\",\"alg\":\"HS256\"}"
            .getBytes(StandardCharsets.UTF_8));

    private NotifyJwt() {
    }

    static String token(String serviceId, String secretKey, Instant now) {
        // serviceId is a checked UUID: it needs no JSON escaping.
        String claims = "{\"iss\":\"" + serviceId + "\",\"iat\":" + now.getEpochSecond() + "}";
        String signingInput = HEADER + "." + BASE64URL.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        return signingInput + "." + BASE64URL.encodeToString(hmac(secretKey, signingInput));
    }

    private static byte[] hmac(String secretKey, String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
