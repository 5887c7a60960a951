package org.councilbot.handoff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.councilbot.core.CouncilbotException;
import org.councilbot.core.ResidentContact;
import org.councilbot.core.ServiceCatalogue;
import org.councilbot.core.ServiceDefinition;
import org.councilbot.core.ServiceRequest;

/**
 * Confirms a delivered request to the resident through GOV.UK Notify, by email when they gave an
 * address (and an email template is set), otherwise by text message, and only when they agreed
 * to be contacted.
 *
 * <p>Templates receive the personalisation {@code reference} (the council's reference),
 * {@code service_name} and {@code councilbot_reference}. Sending is asynchronous: a slow or
 * failing Notify never holds up or undoes a delivery. Failures are logged with Notify's error
 * and the request's reference, never the resident's address or number.
 */
public final class NotifyConfirmations implements ServiceRequestListener {
    private static final System.Logger LOG = System.getLogger(NotifyConfirmations.class.getName());
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_BODY_BYTES = 64 * 1024;

    private final NotifySettings settings;
    private final ServiceCatalogue catalogue;
    private final Clock clock;
    private final BoundedHttp http;

    /** What became of one confirmation. */
    enum Outcome { SENT_EMAIL, SENT_SMS, NO_CONSENT, NO_CONTACT, FAILED }

    private NotifyConfirmations(NotifySettings settings, ServiceCatalogue catalogue, Clock clock) {
        this.settings = settings;
        this.catalogue = catalogue;
        this.clock = clock;
        this.http = new BoundedHttp(settings.timeout(), MAX_BODY_BYTES);
    }

    /**
     * @param catalogue gives the service's name for the message
     * @param clock     the JWT's issued-at time
     */
    public static NotifyConfirmations create(NotifySettings settings, ServiceCatalogue catalogue, Clock clock) {
        return new NotifyConfirmations(Objects.requireNonNull(settings, "settings"),
                Objects.requireNonNull(catalogue, "catalogue"), Objects.requireNonNull(clock, "clock"));
    }

    @Override
    public void delivered(ServiceRequest request, String councilReference) {
        confirm(request, councilReference);
    }

    /** Sends the confirmation; the future completes (never exceptionally) once Notify has answered or failed. */
    CompletableFuture<Outcome> confirm(ServiceRequest request, String councilReference) {
        ResidentContact contact = request.contact();
        if (!contact.consentToContact()) {
            return CompletableFuture.completedFuture(Outcome.NO_CONSENT);
        }
        ObjectNode body = JSON.createObjectNode();
        Outcome sent;
        String path;
        if (!contact.email().isBlank() && !settings.emailTemplateId().isEmpty()) {
            body.put("email_address", contact.email().strip());
            body.put("template_id", settings.emailTemplateId());
            path = "v2/notifications/email";
            sent = Outcome.SENT_EMAIL;
        } else if (!contact.phone().isBlank() && !settings.smsTemplateId().isEmpty()) {
            body.put("phone_number", contact.phone().strip());
            body.put("template_id", settings.smsTemplateId());
            path = "v2/notifications/sms";
            sent = Outcome.SENT_SMS;
        } else {
            return CompletableFuture.completedFuture(Outcome.NO_CONTACT);
        }
        ObjectNode personalisation = body.putObject("personalisation");
        personalisation.put("reference", councilReference);
        personalisation.put("service_name", serviceName(request.serviceCode()));
        personalisation.put("councilbot_reference", request.reference());
        body.put("reference", request.reference());
        HttpRequest post = http.request(settings.baseUrl() + path)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + NotifyJwt.token(settings.serviceId(), settings.secretKey(), clock.instant()))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                .build();
        String what = (sent == Outcome.SENT_EMAIL ? "email" : "text message") + " confirmation of request "
                + request.reference();
        try {
            return http.sendAsync(post).handle((reply, error) -> {
                if (error != null) {
                    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                    LOG.log(System.Logger.Level.WARNING, "GOV.UK Notify at " + settings.baseUrl() + " "
                            + cause.getMessage() + "; the " + what + " was not sent");
                    return Outcome.FAILED;
                }
                if (reply.status() != 201 && reply.status() != 200) {
                    LOG.log(System.Logger.Level.WARNING, "GOV.UK Notify refused the " + what + " (HTTP "
                            + reply.status() + errors(reply.body()) + ")");
                    return Outcome.FAILED;
                }
                LOG.log(System.Logger.Level.INFO, "Sent the " + what);
                return sent;
            });
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not send the " + what + ": " + e);
            return CompletableFuture.completedFuture(Outcome.FAILED);
        }
    }

    private String serviceName(String serviceCode) {
        try {
            return catalogue.service(serviceCode).map(ServiceDefinition::name).orElse(serviceCode);
        } catch (CouncilbotException e) {
            return serviceCode; // the catalogue's outage must not cost the resident a confirmation
        }
    }

    /** Notify's error list, {@code {"status_code":400,"errors":[{"error":"...","message":"..."}]}}, as text. */
    private static String errors(String body) {
        try {
            JsonNode tree = JSON.readTree(body);
            List<String> errors = new ArrayList<>();
            for (JsonNode error : tree.path("errors")) {
                errors.add(error.path("error").asText() + ": " + error.path("message").asText());
            }
            return errors.isEmpty() ? "" : ", " + Texts.truncate(Texts.clean(String.join("; ", errors)), 500);
        } catch (JsonProcessingException | RuntimeException e) {
            return ", no error list";
        }
    }
}
