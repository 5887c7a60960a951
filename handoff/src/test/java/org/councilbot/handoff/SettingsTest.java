package org.councilbot.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.councilbot.core.CouncilbotException;
import org.junit.jupiter.api.Test;

/** Every settings record fails at start with a message naming the key, and never shows a secret. */
class SettingsTest {
    static final Duration TEN_SECONDS = Duration.ofSeconds(10);
    static final String NOTIFY_KEY = NotifyConfirmationsTest.API_KEY;

    @Test
    void open311_accepts_a_council_endpoint_and_ends_it_with_a_slash() {
        Open311Settings settings = Open311Settings.of("https://council.example.gov.uk/open311/v2", "k", "council.gov.uk");

        assertThat(settings.baseUrl()).isEqualTo("https://council.example.gov.uk/open311/v2/");
        assertThat(settings.format()).isEqualTo("json");
    }

    @Test
    void open311_rejects_a_base_url_that_is_not_http() {
        assertInvalid(() -> Open311Settings.of("ftp://council.example/open311", "k", ""), "open311.base-url must be an http(s) URL");
        assertInvalid(() -> Open311Settings.of("council.example/open311", "k", ""), "open311.base-url must be an http(s) URL");
        assertInvalid(() -> Open311Settings.of(" ", "k", ""), "open311.base-url must be set");
        assertInvalid(() -> Open311Settings.of("https://council.example/open311?x=1", "k", ""), "open311.base-url must not have a query");
    }

    @Test
    void open311_rejects_credentials_in_the_url_without_echoing_them() {
        assertThatThrownBy(() -> Open311Settings.of("https://admin:hunter2@council.example/open311", "k", ""))
                .hasMessageContaining("open311.base-url must not contain a user name or password")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void open311_rejects_an_unknown_format_and_bad_durations() {
        assertInvalid(() -> new Open311Settings("https://c.example/", "k", "", "yaml", TEN_SECONDS, TEN_SECONDS),
                "open311.format must be json or xml, was yaml");
        assertInvalid(() -> new Open311Settings("https://c.example/", "k", "", "json", Duration.ZERO, TEN_SECONDS),
                "open311.timeout must be a positive duration");
        assertInvalid(() -> new Open311Settings("https://c.example/", "k", "", "json", TEN_SECONDS, null),
                "open311.catalogue-refresh must be a positive duration");
        assertInvalid(() -> new Open311Settings("https://c.example/", null, "", "json", TEN_SECONDS, TEN_SECONDS),
                "open311.api-key must be set");
    }

    @Test
    void open311_never_shows_the_api_key() {
        Open311Settings settings = Open311Settings.of("https://c.example/", "very-secret-key", "");

        assertThat(settings.toString()).doesNotContain("very-secret-key").contains("apiKey=****");
    }

    @Test
    void outbox_checks_each_setting() {
        assertInvalid(() -> new OutboxSettings(Duration.ZERO, TEN_SECONDS, 3, TEN_SECONDS, TEN_SECONDS),
                "outbox.base-delay must be a positive duration");
        assertInvalid(() -> new OutboxSettings(TEN_SECONDS, Duration.ofSeconds(5), 3, TEN_SECONDS, TEN_SECONDS),
                "outbox.max-delay must be at least outbox.base-delay");
        assertInvalid(() -> new OutboxSettings(TEN_SECONDS, TEN_SECONDS, 0, TEN_SECONDS, TEN_SECONDS),
                "outbox.max-attempts must be 1-1000, was 0");
        assertInvalid(() -> new OutboxSettings(TEN_SECONDS, TEN_SECONDS, 3, Duration.ofSeconds(-1), TEN_SECONDS),
                "outbox.poll-interval must be a positive duration");
        assertInvalid(() -> new OutboxSettings(TEN_SECONDS, TEN_SECONDS, 3, TEN_SECONDS, null),
                "outbox.claim-timeout must be a positive duration");
        assertThat(OutboxSettings.defaults().maxAttempts()).isEqualTo(100);
    }

    @Test
    void notify_reads_the_service_id_and_secret_from_the_api_key() {
        NotifySettings settings = new NotifySettings(NotifySettings.GOV_UK_NOTIFY, NOTIFY_KEY,
                NotifyConfirmationsTest.EMAIL_TEMPLATE, "", TEN_SECONDS);

        assertThat(settings.serviceId()).isEqualTo(NotifyConfirmationsTest.SERVICE_ID);
        assertThat(settings.secretKey()).isEqualTo(NotifyConfirmationsTest.SECRET);
        assertThat(settings.toString()).doesNotContain(NotifyConfirmationsTest.SECRET).doesNotContain(NOTIFY_KEY);
    }

    @Test
    void notify_rejects_a_malformed_api_key_without_quoting_it() {
        assertThatThrownBy(() -> new NotifySettings(NotifySettings.GOV_UK_NOTIFY, "not-a-key-but-secret", "", "", TEN_SECONDS))
                .hasMessageContaining("notify.api-key must be a GOV.UK Notify API key")
                .hasMessageNotContaining("not-a-key-but-secret");
        assertInvalid(() -> new NotifySettings(NotifySettings.GOV_UK_NOTIFY, "", "", "", TEN_SECONDS), "notify.api-key must be set");
    }

    @Test
    void notify_rejects_templates_that_are_not_uuids_or_missing() {
        assertInvalid(() -> new NotifySettings(NotifySettings.GOV_UK_NOTIFY, NOTIFY_KEY, "welcome-email", "", TEN_SECONDS),
                "notify.email-template-id must be a template UUID");
        assertInvalid(() -> new NotifySettings(NotifySettings.GOV_UK_NOTIFY, NOTIFY_KEY, "", "", TEN_SECONDS),
                "notify.email-template-id or notify.sms-template-id must be set");
        assertInvalid(() -> new NotifySettings("notify", NOTIFY_KEY, NotifyConfirmationsTest.EMAIL_TEMPLATE, "", TEN_SECONDS),
                "notify.base-url must be an http(s) URL");
    }

    @Test
    void inbox_prefix_is_a_short_code() {
        assertThat(new InboxSettings("BF").referencePrefix()).isEqualTo("BF");
        assertInvalid(() -> new InboxSettings("bf"), "inbox.reference-prefix must be 1-8 capital letters");
        assertInvalid(() -> new InboxSettings("BF-2026"), "inbox.reference-prefix must be 1-8 capital letters");
        assertInvalid(() -> new InboxSettings(null), "inbox.reference-prefix");
    }

    private static void assertInvalid(ThrowingCallable call, String message) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(CouncilbotException.class, e -> assertThat(e.code()).isEqualTo("invalid_configuration"))
                .hasMessageContaining(message);
    }
}
