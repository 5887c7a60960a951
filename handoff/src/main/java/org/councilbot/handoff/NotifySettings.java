package org.councilbot.handoff;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * GOV.UK Notify, for confirmations to residents.
 *
 * <p>Validated on construction, each message naming its key and never quoting the API key,
 * which {@link #toString()} hides too.
 *
 * @param baseUrl         {@code notify.base-url}: normally {@code https://api.notifications.service.gov.uk}
 * @param apiKey          {@code notify.api-key}: {@code keyname-serviceid-secretkey}, the last two UUIDs
 * @param emailTemplateId {@code notify.email-template-id}: a UUID, or empty to send no emails
 * @param smsTemplateId   {@code notify.sms-template-id}: a UUID, or empty to send no texts
 * @param timeout         {@code notify.timeout}: the most one call may take
 */
public record NotifySettings(String baseUrl, String apiKey, String emailTemplateId, String smsTemplateId,
                             Duration timeout) {
    public static final String GOV_UK_NOTIFY = "https://api.notifications.service.gov.uk";
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final int UUID_CHARS = 36;

    public NotifySettings {
        baseUrl = Settings.httpBaseUrl("notify.base-url", baseUrl);
        if (apiKey == null || apiKey.isBlank()) {
            throw Settings.invalid("notify.api-key must be set (from the environment) to a GOV.UK Notify API key");
        }
        apiKey = apiKey.strip();
        if (!isApiKey(apiKey)) {
            throw Settings.invalid("notify.api-key must be a GOV.UK Notify API key: keyname-serviceid-secretkey,"
                    + " ending in two UUIDs");
        }
        emailTemplateId = template("notify.email-template-id", emailTemplateId);
        smsTemplateId = template("notify.sms-template-id", smsTemplateId);
        if (emailTemplateId.isEmpty() && smsTemplateId.isEmpty()) {
            throw Settings.invalid("notify.email-template-id or notify.sms-template-id must be set, or Notify left unconfigured");
        }
        Settings.positive("notify.timeout", timeout, Duration.ofMinutes(1));
    }

    /** The service id, which is the JWT's issuer. */
    String serviceId() {
        return apiKey.substring(apiKey.length() - 2 * UUID_CHARS - 1, apiKey.length() - UUID_CHARS - 1);
    }

    /** The secret the JWT is signed with. */
    String secretKey() {
        return apiKey.substring(apiKey.length() - UUID_CHARS);
    }

    @Override
    public String toString() {
        return "NotifySettings[baseUrl=" + baseUrl + ", apiKey=****, emailTemplateId=" + emailTemplateId
                + ", smsTemplateId=" + smsTemplateId + ", timeout=" + timeout + "]";
    }

    private static boolean isApiKey(String key) {
        int length = key.length();
        if (length < 2 * UUID_CHARS + 2 || key.charAt(length - UUID_CHARS - 1) != '-') {
            return false;
        }
        String secret = key.substring(length - UUID_CHARS);
        String service = key.substring(length - 2 * UUID_CHARS - 1, length - UUID_CHARS - 1);
        return UUID.matcher(secret).matches() && UUID.matcher(service).matches();
    }

    private static String template(String key, String value) {
        String id = Settings.present(key, value).strip();
        if (!id.isEmpty() && !UUID.matcher(id).matches()) {
            throw Settings.invalid(key + " must be a template UUID from GOV.UK Notify, or empty, was " + Texts.quote(id));
        }
        return id;
    }
}
