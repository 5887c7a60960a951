package org.councilbot.evals;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.councilbot.core.Action;

/**
 * Reads and validates cases.jsonl: one case a line, every problem reported with file and line.
 *
 * <p>Unknown keys are rejected rather than ignored: a mistyped {@code must_includes} would
 * otherwise make a case pass that checks nothing.
 */
final class CasesReader {
    private static final Set<String> CASE_KEYS = new LinkedHashSet<>(List.of("id", "tags", "turns", "notes"));
    private static final Set<String> TURN_KEYS = new LinkedHashSet<>(List.of("user", "expect"));
    private static final Set<String> EXPECT_KEYS = new LinkedHashSet<>(List.of(
            "action", "docs", "service_code", "slots", "must_include", "must_not_include"));
    private static final String ACTIONS = Arrays.stream(Action.values()).map(Action::wireName)
            .collect(Collectors.joining(", "));

    private final ObjectMapper json = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private final CorpusCatalogue corpus;
    private final List<String> warnings = new ArrayList<>();

    CasesReader(CorpusCatalogue corpus) {
        this.corpus = corpus;
    }

    /** The cases in file order; blank lines are skipped. */
    List<SuiteCase> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new SuiteException(file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new SuiteException("cannot read " + file + ": " + e.getMessage());
        }
        List<SuiteCase> cases = new ArrayList<>();
        Map<String, Integer> firstLineById = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            Where where = new Where(file, i + 1);
            SuiteCase suiteCase = parseCase(where, lines.get(i));
            Integer first = firstLineById.putIfAbsent(suiteCase.id(), where.line());
            if (first != null) {
                throw where.problem("duplicate case id '" + suiteCase.id() + "' (first on line " + first + ")");
            }
            cases.add(suiteCase);
        }
        if (cases.isEmpty()) {
            throw new SuiteException(file + " has no cases");
        }
        return cases;
    }

    /** Warnings collected by the last {@link #read(Path)}. */
    List<String> warnings() {
        return List.copyOf(warnings);
    }

    private SuiteCase parseCase(Where where, String line) {
        JsonNode node;
        try {
            node = json.readTree(line);
        } catch (JsonProcessingException e) {
            throw where.problem("not valid JSON: " + e.getOriginalMessage());
        }
        if (!node.isObject()) {
            throw where.problem("a case must be a JSON object like {\"id\": ..., \"turns\": [...]}");
        }
        rejectUnknownKeys(where, node, CASE_KEYS, "case key");
        JsonNode id = node.path("id");
        if (!id.isTextual() || id.asText().isBlank()) {
            throw where.problem("case has no 'id' text");
        }
        Where inCase = where.in("case '" + id.asText() + "'");
        List<String> tags = node.has("tags") ? texts(inCase, node.get("tags"), "tags") : List.of();
        JsonNode turnsNode = node.path("turns");
        if (!turnsNode.isArray() || turnsNode.isEmpty()) {
            throw inCase.problem("'turns' must be a non-empty list");
        }
        List<CaseTurn> turns = new ArrayList<>();
        for (int t = 0; t < turnsNode.size(); t++) {
            turns.add(parseTurn(inCase.in("turn " + (t + 1)), turnsNode.get(t)));
        }
        return new SuiteCase(id.asText(), tags, turns, where.line());
    }

    private CaseTurn parseTurn(Where where, JsonNode node) {
        if (!node.isObject()) {
            throw where.problem("a turn must be an object like {\"user\": ..., \"expect\": {...}}");
        }
        rejectUnknownKeys(where, node, TURN_KEYS, "turn key");
        JsonNode user = node.path("user");
        if (!user.isTextual() || user.asText().isBlank()) {
            throw where.problem("missing 'user' text");
        }
        JsonNode expect = node.path("expect");
        if (!expect.isObject()) {
            throw where.problem("missing 'expect' object");
        }
        return new CaseTurn(user.asText(), parseExpectation(where, expect));
    }

    private Expectation parseExpectation(Where where, JsonNode expect) {
        rejectUnknownKeys(where, expect, EXPECT_KEYS, "expect key");
        JsonNode action = expect.path("action");
        if (!action.isTextual()) {
            throw where.problem("missing 'action'; expected one of " + ACTIONS);
        }
        Action parsed = action(where, action.asText());
        List<String> docs = new ArrayList<>(new LinkedHashSet<>(expect.has("docs")
                ? texts(where, expect.get("docs"), "docs").stream().map(d -> resolveDoc(where, d)).toList()
                : List.of()));
        Optional<String> serviceCode = Optional.empty();
        if (expect.has("service_code")) {
            JsonNode code = expect.get("service_code");
            if (!code.isValueNode() || code.isNull() || code.asText().isBlank()) {
                throw where.problem("'service_code' must be text");
            }
            serviceCode = Optional.of(code.asText());
        }
        Map<String, String> slots = new LinkedHashMap<>();
        if (expect.has("slots")) {
            JsonNode slotsNode = expect.get("slots");
            if (!slotsNode.isObject()) {
                throw where.problem("'slots' must be an object of attribute: value");
            }
            slotsNode.properties().forEach(e -> slots.put(e.getKey(),
                    e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
        }
        List<String> mustInclude = expect.has("must_include")
                ? texts(where, expect.get("must_include"), "must_include") : List.of();
        List<String> mustNotInclude = expect.has("must_not_include")
                ? texts(where, expect.get("must_not_include"), "must_not_include") : List.of();
        return new Expectation(parsed, docs, serviceCode, slots, mustInclude, mustNotInclude);
    }

    private static Action action(Where where, String name) {
        for (Action action : Action.values()) {
            if (action.wireName().equals(name)) {
                return action;
            }
        }
        throw where.problem("unknown action '" + name + "'; expected one of " + ACTIONS);
    }

    /** A url stays as written (with a warning when no corpus page has it); an id becomes its page's url. */
    private String resolveDoc(Where where, String doc) {
        if (corpus.hasUrl(doc)) {
            return doc;
        }
        Optional<String> byId = corpus.urlOf(doc);
        if (byId.isPresent()) {
            return byId.get();
        }
        if (doc.startsWith("http://") || doc.startsWith("https://")) {
            warnings.add(where.describe() + ": doc " + doc + " is not the url of any page found in corpus/ ("
                    + corpus.files() + " files)");
            return doc;
        }
        throw where.problem("doc '" + doc + "' is neither a url nor the id of a corpus page");
    }

    private static List<String> texts(Where where, JsonNode node, String key) {
        if (!node.isArray()) {
            throw where.problem("'" + key + "' must be a list of text, like [\"...\"]");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isTextual() || item.asText().isBlank()) {
                throw where.problem("'" + key + "' must be a list of non-empty text, found " + item);
            }
            values.add(item.asText());
        }
        return values;
    }

    private static void rejectUnknownKeys(Where where, JsonNode node, Set<String> allowed, String what) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw where.problem("unknown " + what + " '" + name + "'; allowed: " + String.join(", ", allowed));
            }
        }
    }

    /** A position in the file for messages: "path line 7: case 'x' turn 2: ...". */
    private record Where(Path file, int line, String context) {
        Where(Path file, int line) {
            this(file, line, "");
        }

        Where in(String more) {
            return new Where(file, line, context.isEmpty() ? more : context + " " + more);
        }

        String describe() {
            return file + " line " + line + (context.isEmpty() ? "" : ": " + context);
        }

        SuiteException problem(String message) {
            return new SuiteException(describe() + ": " + message);
        }
    }
}
