package org.councilbot.channels;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.councilbot.core.CouncilProfile;
import org.councilbot.core.CouncilbotException;
import org.councilbot.core.UnderstandingTuning;
import java.util.Optional;
import org.councilbot.handoff.AddressMapping;
import org.councilbot.handoff.CollectionMapping;
import org.councilbot.handoff.DatabaseSettings;
import org.councilbot.handoff.HttpLookupSettings;
import org.councilbot.handoff.InboxSettings;
import org.councilbot.handoff.NotifySettings;
import org.councilbot.handoff.Open311Settings;
import org.councilbot.handoff.OutboxSettings;
import org.councilbot.handoff.RetentionSettings;
import org.councilbot.index.llm.LlmSettings;

/**
 * Everything the server needs to start, read once at start-up.
 *
 * @param host     address to listen on
 * @param port     port to listen on; 0 picks a free one
 * @param dataDir  where the index and the embedded database live
 * @param council  the council's name and contact numbers
 * @param engine   engine settings
 * @param database where conversations are stored
 * @param web      web channel limits
 * @param serviceRequests where service requests come from and go to
 * @param staffApiToken   the bearer token of the staff API ({@code COUNCILBOT_STAFF_API_TOKEN}); empty disables it
 * @param llm             the LLM that writes answers ({@code councilbot.llm.*}); none means the offline
 *                        extractive composer
 * @param lookups         where addresses and bin days come from ({@code councilbot.lookups.*})
 * @param retention       what stored transcripts keep and for how long ({@code councilbot.retention.*})
 * @param timeZone        the council's time zone ({@code councilbot.council.time-zone}, default
 *                        Europe/London): "today" for bin days and dates residents give, whatever
 *                        zone the server's clock is set to
 * @param understanding   the learned understanding stage: model cache, catalogue links, floors
 */
public record CouncilbotSettings(String host, int port, Path dataDir, CouncilProfile council,
                                 EngineSettings engine, DatabaseSettings database, WebSettings web,
                                 ServiceRequestSettings serviceRequests, String staffApiToken,
                                 Optional<LlmSettings> llm, LookupSettings lookups,
                                 RetentionSettings retention, ZoneId timeZone, UnderstandingSettings understanding) {

    public Path indexDir() {
        return dataDir.resolve("index");
    }

    /** Settings from the built-in defaults and the environment only. */
    public static CouncilbotSettings load(Map<String, String> environment) {
        return from(Config.builder().disableEnvironmentVariablesSource().disableSystemPropertiesSource()
                .addSource(ConfigSources.classpath("application.yaml").build()).build(), environment,
                Path.of("").toAbsolutePath());
    }

    /** Settings from a council's YAML file over the built-in defaults, then the environment. */
    public static CouncilbotSettings load(Path file, Map<String, String> environment) {
        if (!Files.isReadable(file)) {
            throw new CouncilbotException("invalid_configuration", "Cannot read the configuration file " + file
                    + "; check the path given to --config.");
        }
        return from(Config.builder().disableEnvironmentVariablesSource().disableSystemPropertiesSource()
                .addSource(ConfigSources.file(file).build())
                .addSource(ConfigSources.classpath("application.yaml").build()).build(), environment,
                file.toAbsolutePath().getParent());
    }

    /** Relative paths in a configuration file are taken from the file's own folder. */
    private static CouncilbotSettings from(Config config, Map<String, String> environment, Path base) {
        SettingsReader settings = new SettingsReader(config, environment);
        Path dataDir = Path.of(settings.text("councilbot.data-dir", "data")).toAbsolutePath().normalize();
        CouncilProfile council = new CouncilProfile(
                settings.requiredText("councilbot.council.name"),
                settings.requiredText("councilbot.council.website-url"),
                settings.requiredText("councilbot.council.contact-phone"),
                settings.requiredText("councilbot.council.office-hours"),
                settings.requiredText("councilbot.council.out-of-hours-phone"),
                settings.list("councilbot.council.suggested-topics"));
        EngineSettings defaults = EngineSettings.defaults();
        EngineSettings engine = new EngineSettings(
                settings.integer("councilbot.engine.max-message-chars", defaults.maxMessageChars(), 1, 100_000),
                settings.integer("councilbot.engine.max-answer-chars", defaults.maxAnswerChars(), 80, 10_000),
                settings.decimal("councilbot.engine.answer-floor", defaults.answerFloor(), 0, 1),
                settings.decimal("councilbot.engine.corroborated-answer-floor", defaults.corroboratedAnswerFloor(), 0, 1),
                settings.integer("councilbot.engine.retrieval-depth", defaults.retrievalDepth(), 1, 100),
                settings.decimal("councilbot.engine.intent-floor", defaults.intentFloor(), 0, 1),
                settings.decimal("councilbot.engine.intent-margin", defaults.intentMargin(), 0, 1),
                settings.decimal("councilbot.engine.safeguarding-floor", defaults.safeguardingFloor(), 0, 1),
                settings.decimal("councilbot.engine.safeguarding-margin", defaults.safeguardingMargin(), 0, 1),
                settings.path("councilbot.intents-file", base),
                settings.flag("councilbot.engine.pre-election-period", defaults.preElectionPeriod()));
        String databaseUrl = settings.text("councilbot.database.url", "");
        DatabaseSettings database = databaseUrl.isBlank()
                ? DatabaseSettings.embedded(dataDir.resolve("db"))
                : new DatabaseSettings(databaseUrl, settings.text("councilbot.database.user", ""),
                        settings.text("councilbot.database.password", ""),
                        settings.integer("councilbot.database.max-pool-size", 10, 1, 200));
        WebSettings webDefaults = WebSettings.defaults();
        WebSettings web = new WebSettings(
                settings.integer("councilbot.web.max-body-bytes", webDefaults.maxBodyBytes(), 256, 1024 * 1024),
                settings.integer("councilbot.web.max-streams-per-conversation",
                        webDefaults.maxStreamsPerConversation(), 1, 100),
                Duration.ofSeconds(settings.integer("councilbot.web.heartbeat-seconds",
                        (int) webDefaults.heartbeat().toSeconds(), 1, 3600)),
                Duration.ofMinutes(settings.integer("councilbot.web.max-stream-minutes",
                        (int) webDefaults.maxStreamLifetime().toMinutes(), 1, 24 * 60)));
        return new CouncilbotSettings(settings.text("server.host", "0.0.0.0"),
                settings.integer("server.port", 8080, 0, 65535), dataDir, council, engine, database, web,
                serviceRequests(settings, base), settings.text("councilbot.staff.api-token", ""), llm(settings),
                new LookupSettings(addresses(settings, base), binCollections(settings, base)),
                retention(settings), timeZone(settings), understanding(settings, dataDir));
    }

    private static UnderstandingSettings understanding(SettingsReader settings, Path dataDir) {
        UnderstandingTuning defaults = UnderstandingTuning.defaults();
        UnderstandingTuning tuning = new UnderstandingTuning(
                settings.decimal("councilbot.understanding.act-floor", defaults.actFloor(), 0, 1),
                settings.decimal("councilbot.understanding.safeguarding-floor", defaults.safeguardingFloor(), 0, 1));
        Path modelsDir = Path.of(settings.text("councilbot.models-dir", dataDir.resolve("models").toString()))
                .toAbsolutePath().normalize();
        return new UnderstandingSettings(modelsDir, settings.map("councilbot.catalogue.links"), tuning);
    }

    private static ZoneId timeZone(SettingsReader settings) {
        String zone = settings.text("councilbot.council.time-zone", "Europe/London").strip();
        try {
            return ZoneId.of(zone);
        } catch (java.time.DateTimeException e) {
            throw new CouncilbotException("invalid_configuration", "councilbot.council.time-zone must be a time zone "
                    + "such as Europe/London, was '" + zone + "'");
        }
    }

    private static RetentionSettings retention(SettingsReader settings) {
        RetentionSettings defaults = RetentionSettings.defaults();
        return new RetentionSettings(
                settings.flag("councilbot.retention.redact-personal-data", defaults.redactPersonalData()),
                settings.integer("councilbot.retention.transcripts-days", defaults.transcriptsDays(), 1, 3650));
    }

    private static Optional<LlmSettings> llm(SettingsReader settings) {
        String provider = settings.text("councilbot.llm.provider", "").strip();
        if (provider.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new LlmSettings(provider, settings.text("councilbot.llm.base-url", ""),
                settings.text("councilbot.llm.api-key", ""), settings.text("councilbot.llm.model", ""),
                settings.text("councilbot.llm.azure-deployment", ""),
                settings.text("councilbot.llm.azure-api-version", ""),
                settings.duration("councilbot.llm.timeout", Duration.ofSeconds(20)),
                settings.integer("councilbot.llm.max-source-chars", 6000, 200, 100_000)));
    }

    private static ServiceRequestSettings serviceRequests(SettingsReader settings, Path base) {
        OutboxSettings outboxDefaults = OutboxSettings.defaults();
        OutboxSettings outbox = new OutboxSettings(
                settings.duration("councilbot.outbox.base-delay", outboxDefaults.baseDelay()),
                settings.duration("councilbot.outbox.max-delay", outboxDefaults.maxDelay()),
                settings.integer("councilbot.outbox.max-attempts", outboxDefaults.maxAttempts(), 1, 1000),
                settings.duration("councilbot.outbox.poll-interval", outboxDefaults.pollInterval()),
                settings.duration("councilbot.outbox.claim-timeout", outboxDefaults.claimTimeout()));
        String open311Url = settings.text("councilbot.open311.base-url", "").strip();
        Optional<Open311Settings> open311 = open311Url.isEmpty() ? Optional.empty()
                : Optional.of(new Open311Settings(open311Url, settings.text("councilbot.open311.api-key", ""),
                        settings.text("councilbot.open311.jurisdiction-id", ""),
                        settings.text("councilbot.open311.format", "json"),
                        settings.duration("councilbot.open311.timeout", Duration.ofSeconds(10)),
                        settings.duration("councilbot.open311.catalogue-refresh", Duration.ofHours(1))));
        String notifyKey = settings.text("councilbot.notify.api-key", "").strip();
        Optional<NotifySettings> notify = notifyKey.isEmpty() ? Optional.empty()
                : Optional.of(new NotifySettings(settings.text("councilbot.notify.base-url", NotifySettings.GOV_UK_NOTIFY),
                        notifyKey, settings.text("councilbot.notify.email-template-id", ""),
                        settings.text("councilbot.notify.sms-template-id", ""),
                        settings.duration("councilbot.notify.timeout", Duration.ofSeconds(10))));
        return new ServiceRequestSettings(settings.path("councilbot.catalogue.dir", base), open311,
                new InboxSettings(settings.text("councilbot.inbox.reference-prefix", "CB")), outbox, notify);
    }

    private static LookupSettings.Addresses addresses(SettingsReader settings, Path base) {
        String prefix = "councilbot.lookups.addresses.";
        String type = settings.text(prefix + "type", "").strip().toLowerCase(Locale.ROOT);
        boolean osPlaces = type.equals("os-places");
        return switch (type) {
            case "" -> new LookupSettings.Addresses.None();
            case "file" -> new LookupSettings.Addresses.FromFile(settings.path(prefix + "file", base)
                    .orElseThrow(() -> SettingsReader.missing(prefix + "file", "when " + prefix + "type is file")));
            case "os-places", "http" -> {
                AddressMapping preset = AddressMapping.osPlaces();
                String template = osPlaces ? settings.text(prefix + "url-template", HttpLookupSettings.OS_PLACES_URL_TEMPLATE)
                        : settings.optional(prefix + "url-template").filter(t -> !t.isBlank()).orElseThrow(() ->
                                SettingsReader.missing(prefix + "url-template", "when " + prefix + "type is http"));
                Map<String, String> headers = new LinkedHashMap<>(settings.map(prefix + "headers"));
                if (osPlaces && !template.contains("{key}")
                        && headers.keySet().stream().noneMatch(name -> name.equalsIgnoreCase("key"))) {
                    headers.put("key", "{key}"); // OS takes the key as a header, which keeps it out of URLs
                }
                HttpLookupSettings http = new HttpLookupSettings("lookups.addresses", template,
                        settings.text(prefix + "key", ""), headers,
                        settings.duration(prefix + "timeout", Duration.ofSeconds(10)),
                        settings.integer(prefix + "max-results", 500, 1, 10_000));
                AddressMapping mapping = new AddressMapping(
                        settings.text(prefix + "results", osPlaces ? preset.results() : ""),
                        settings.text(prefix + "total", osPlaces ? preset.total() : ""),
                        settings.text(prefix + "fields.uprn", osPlaces ? preset.uprn() : ""),
                        settings.text(prefix + "fields.address", osPlaces ? preset.address() : ""),
                        settings.text(prefix + "fields.postcode", osPlaces ? preset.postcode() : ""),
                        settings.text(prefix + "fields.latitude", osPlaces ? preset.latitude() : ""),
                        settings.text(prefix + "fields.longitude", osPlaces ? preset.longitude() : ""),
                        settings.text(prefix + "filter.field", ""),
                        settings.list(prefix + "filter.prefixes"));
                yield new LookupSettings.Addresses.FromApi(http, mapping);
            }
            default -> throw SettingsReader.invalid(prefix + "type", "must be os-places, http or file, or left out"
                    + " for no address lookup; was '" + type + "'");
        };
    }

    private static LookupSettings.BinCollections binCollections(SettingsReader settings, Path base) {
        String prefix = "councilbot.lookups.bin-collections.";
        String type = settings.text(prefix + "type", "").strip().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "" -> new LookupSettings.BinCollections.None();
            case "file" -> new LookupSettings.BinCollections.FromFile(settings.path(prefix + "file", base)
                    .orElseThrow(() -> SettingsReader.missing(prefix + "file", "when " + prefix + "type is file")),
                    settings.path(prefix + "changes-file", base));
            case "http" -> {
                String template = settings.optional(prefix + "url-template").filter(t -> !t.isBlank()).orElseThrow(() ->
                        SettingsReader.missing(prefix + "url-template", "when " + prefix + "type is http"));
                HttpLookupSettings http = new HttpLookupSettings("lookups.bin-collections", template,
                        settings.text(prefix + "key", ""), settings.map(prefix + "headers"),
                        settings.duration(prefix + "timeout", Duration.ofSeconds(10)),
                        settings.integer(prefix + "max-results", 50, 1, 10_000));
                CollectionMapping mapping = new CollectionMapping(settings.text(prefix + "results", ""),
                        settings.text(prefix + "fields.round", ""), settings.text(prefix + "fields.date", ""),
                        settings.text(prefix + "fields.frequency", ""),
                        settings.text(prefix + "date-pattern", CollectionMapping.ISO_DATE));
                yield new LookupSettings.BinCollections.FromApi(http, mapping);
            }
            default -> throw SettingsReader.invalid(prefix + "type", "must be http or file, or left out for no bin"
                    + " collection lookup; was '" + type + "'");
        };
    }

    public CouncilbotSettings withPort(int newPort) {
        return new CouncilbotSettings(host, newPort, dataDir, council, engine, database, web, serviceRequests,
                staffApiToken, llm, lookups, retention, timeZone, understanding);
    }
}
