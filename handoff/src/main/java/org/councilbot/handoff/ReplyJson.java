package org.councilbot.handoff;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.councilbot.core.Action;
import org.councilbot.core.AttributeOption;
import org.councilbot.core.FormField;
import org.councilbot.core.FormState;
import org.councilbot.core.GeoPoint;
import org.councilbot.core.PropertyAddress;
import org.councilbot.core.BotReply;
import org.councilbot.core.Citation;
import org.councilbot.core.RankedSource;
import org.councilbot.core.Rationale;

/**
 * The stored JSON form of a {@link BotReply}, with snake_case keys.
 *
 * <p>The format is spelled out in records of its own rather than derived from bot-core's
 * records, so renaming a field there cannot silently change what is already in the database.
 * Unknown keys are ignored: during a rolling upgrade an older node may read a reply written by
 * a newer one.
 */
final class ReplyJson {
    private final JsonMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // Error messages must not quote stored text, which can include a resident's words.
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    String write(BotReply reply) {
        try {
            return mapper.writeValueAsString(StoredReply.of(reply));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A reply could not be written as JSON", e);
        }
    }

    /** Reads a stored reply; throws {@link JsonProcessingException} or a runtime exception if it is not one. */
    BotReply read(String json) throws JsonProcessingException {
        return mapper.readValue(json, StoredReply.class).toReply();
    }

    private record StoredReply(String text, String action, List<StoredCitation> citations,
                               List<StoredCitation> related,
                               @JsonProperty("quick_replies") List<String> quickReplies,
                               StoredRationale rationale, StoredForm form) {
        static StoredReply of(BotReply reply) {
            return new StoredReply(reply.text(), reply.action().wireName(),
                    reply.citations().stream().map(StoredCitation::of).toList(),
                    reply.related().stream().map(StoredCitation::of).toList(),
                    reply.quickReplies(), StoredRationale.of(reply.why()),
                    reply.form().map(StoredForm::of).orElse(null));
        }

        BotReply toReply() {
            // Replies stored before forms existed have no "form" key.
            return new BotReply(text, Action.fromWireName(action),
                    citations.stream().map(StoredCitation::toCitation).toList(),
                    related.stream().map(StoredCitation::toCitation).toList(),
                    quickReplies, rationale.toRationale(),
                    Optional.ofNullable(form).map(StoredForm::toState));
        }
    }

    /**
     * A form's state as stored with the reply that asked about it, so the next turn can go on. Keys
     * added later ({@code kind}, {@code address_choice}, {@code offered_service}) are absent from
     * older replies and read as a report with nothing pending.
     */
    private record StoredForm(@JsonProperty("service_code") String serviceCode,
                              @JsonProperty("service_name") String serviceName, String stage,
                              Map<String, List<String>> answers, List<StoredField> fields, String current,
                              String reference, @JsonProperty("council_reference") String councilReference,
                              String kind, @JsonProperty("address_choice") StoredAddressChoice addressChoice,
                              @JsonProperty("offered_service") String offeredService) {
        static StoredForm of(FormState state) {
            return new StoredForm(state.serviceCode(), state.serviceName(), state.stage().name(), state.answers(),
                    state.fields().stream().map(StoredField::of).toList(), state.current().orElse(null),
                    state.reference().orElse(null), state.councilReference().orElse(null), state.kind().name(),
                    state.addressChoice().map(StoredAddressChoice::of).orElse(null),
                    state.offeredService().orElse(null));
        }

        FormState toState() {
            // Forms stored before the standard questions' codes had their prefix are read the current way.
            return FormState.upgraded(new FormState(serviceCode, serviceName, FormState.Stage.valueOf(stage), answers,
                    fields.stream().map(StoredField::toField).toList(), Optional.ofNullable(current),
                    Optional.ofNullable(reference), Optional.ofNullable(councilReference),
                    kind == null ? FormState.Kind.REPORT : FormState.Kind.valueOf(kind),
                    Optional.ofNullable(addressChoice).map(StoredAddressChoice::toChoice),
                    Optional.ofNullable(offeredService)));
        }
    }

    /** Addresses offered at a postcode and not yet picked from. */
    private record StoredAddressChoice(String postcode, List<StoredAddress> addresses) {
        static StoredAddressChoice of(FormState.AddressChoice choice) {
            return new StoredAddressChoice(choice.postcode(), choice.addresses().stream().map(StoredAddress::of).toList());
        }

        FormState.AddressChoice toChoice() {
            return new FormState.AddressChoice(postcode, addresses.stream().map(StoredAddress::toAddress).toList());
        }
    }

    private record StoredAddress(String uprn, @JsonProperty("single_line") String singleLine, String postcode,
                                 Double latitude, Double longitude) {
        static StoredAddress of(PropertyAddress address) {
            return new StoredAddress(address.uprn(), address.singleLine(), address.postcode(),
                    address.point().map(GeoPoint::latitude).orElse(null),
                    address.point().map(GeoPoint::longitude).orElse(null));
        }

        PropertyAddress toAddress() {
            return new PropertyAddress(uprn, singleLine, postcode, latitude == null || longitude == null
                    ? Optional.empty() : Optional.of(new GeoPoint(latitude, longitude)));
        }
    }

    private record StoredField(String code, String label, String question, String kind, boolean required,
                               List<StoredOption> options) {
        static StoredField of(FormField field) {
            return new StoredField(field.code(), field.label(), field.question(), field.kind().name(), field.required(),
                    field.options().stream().map(option -> new StoredOption(option.key(), option.name())).toList());
        }

        FormField toField() {
            return new FormField(code, label, question, FormField.FieldKind.valueOf(kind), required,
                    options.stream().map(option -> new AttributeOption(option.key(), option.name())).toList());
        }
    }

    private record StoredOption(String key, String name) {}

    private record StoredCitation(String title, String url) {
        static StoredCitation of(Citation citation) {
            return new StoredCitation(citation.title(), citation.url());
        }

        Citation toCitation() {
            return new Citation(title, url);
        }
    }

    private record StoredRationale(String intent, double confidence, String reason, String query,
                                   List<StoredSource> sources) {
        static StoredRationale of(Rationale why) {
            return new StoredRationale(why.intent(), why.confidence(), why.reason(), why.query(),
                    why.sources().stream().map(StoredSource::of).toList());
        }

        Rationale toRationale() {
            return new Rationale(intent, confidence, reason, query,
                    sources.stream().map(StoredSource::toSource).toList());
        }
    }

    private record StoredSource(String url, String title, double score, double coverage) {
        static StoredSource of(RankedSource source) {
            return new StoredSource(source.url(), source.title(), source.score(), source.coverage());
        }

        RankedSource toSource() {
            return new RankedSource(url, title, score, coverage);
        }
    }
}
