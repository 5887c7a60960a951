package org.councilbot.channels;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.councilbot.core.BotReply;
import org.councilbot.core.Citation;
import org.councilbot.core.FormField;
import org.councilbot.core.FormState;
import java.util.Optional;
import org.councilbot.core.RankedSource;
import org.councilbot.core.Turn;

/** The web channel's JSON shape of a reply: the contract of DESIGN.md, extended, never renamed. */
final class ReplyJson {
    private final ObjectMapper mapper;

    ReplyJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ObjectNode reply(BotReply reply) {
        ObjectNode json = mapper.createObjectNode();
        json.put("text", reply.text());
        json.put("action", reply.action().wireName());
        json.set("citations", citations(reply.citations()));
        json.set("related", citations(reply.related()));
        ArrayNode quick = json.putArray("quick_replies");
        reply.quickReplies().forEach(quick::add);
        if (reply.form().isPresent()) {
            json.set("form", form(reply.form().get()));
        } else {
            json.putNull("form");
        }
        json.putNull("handoff");
        ObjectNode why = json.putObject("why");
        why.put("intent", reply.why().intent());
        why.put("confidence", reply.why().confidence());
        why.put("reason", reply.why().reason());
        ArrayNode sources = why.putArray("sources");
        for (RankedSource source : reply.why().sources()) {
            sources.addObject().put("url", source.url()).put("title", source.title())
                    .put("coverage", source.coverage());
        }
        return json;
    }

    /** The form's state as the page needs it: what is asked now, what is answered, the references. */
    private ObjectNode form(FormState state) {
        ObjectNode json = mapper.createObjectNode();
        json.put("service_code", state.serviceCode());
        json.put("service_name", state.serviceName());
        json.put("stage", state.stage().name().toLowerCase(java.util.Locale.ROOT));
        json.put("kind", state.kind().name().toLowerCase(java.util.Locale.ROOT));
        ObjectNode answers = json.putObject("answers");
        state.namedAnswers().forEach((code, values) -> {
            ArrayNode list = answers.putArray(code);
            values.forEach(list::add);
        });
        Optional<FormField> current = state.currentField();
        if (current.isPresent()) {
            ObjectNode field = json.putObject("current");
            field.put("code", state.nameOf(current.get().code()));
            field.put("label", current.get().label());
            field.put("question", current.get().question());
            field.put("kind", current.get().kind().name().toLowerCase(java.util.Locale.ROOT));
            field.put("required", current.get().required());
            ArrayNode options = field.putArray("options");
            current.get().options().forEach(option -> options.addObject().put("key", option.key())
                    .put("name", option.name()));
        } else {
            json.putNull("current");
        }
        state.reference().ifPresentOrElse(reference -> json.put("reference", reference), () -> json.putNull("reference"));
        state.councilReference().ifPresentOrElse(reference -> json.put("council_reference", reference),
                () -> json.putNull("council_reference"));
        return json;
    }

    /** A turn as streamed over SSE: what the resident said and the reply. */
    ObjectNode turn(Turn turn) {
        ObjectNode json = mapper.createObjectNode();
        json.put("sequence", turn.sequence());
        json.put("resident_text", turn.residentText());
        json.put("at", turn.at().toString());
        json.set("reply", reply(turn.reply()));
        return json;
    }

    private ArrayNode citations(List<Citation> citations) {
        ArrayNode array = mapper.createArrayNode();
        for (Citation citation : citations) {
            array.addObject().put("title", citation.title()).put("url", citation.url());
        }
        return array;
    }
}
