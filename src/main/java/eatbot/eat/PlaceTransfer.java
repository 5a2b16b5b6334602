package eatbot.eat;

import eatbot.i18n.Messages;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A guild's places as a JSON file, for {@code /place export} and
 * {@code /place import}. The reader is strict and bounded (size, nesting, entry
 * count, every text through {@link Names}) because the file comes from a
 * stranger's upload; any problem rejects the whole file with a message naming
 * the entry, so an import is all or nothing.
 *
 * <pre>{"format": "eatbot-places", "version": 1,
 *  "places": [{"name": "Pho 99", "tags": ["vietnamese"], "link": null, "hours": null}]}</pre>
 */
public final class PlaceTransfer {
    public static final String FORMAT = "eatbot-places";
    public static final int VERSION = 1;
    /** Bigger than 500 places with every field full needs, far below what could hurt. */
    public static final int MAX_BYTES = 256 * 1024;
    public static final int MAX_DEPTH = 8;
    public static final int MAX_HOURS = 100;

    private static final Set<String> TOP_KEYS = Set.of("format", "version", "places");
    private static final Set<String> ENTRY_KEYS = Set.of("name", "tags", "link", "hours");

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    static {
        // limits checked while parsing, before any tree is built from a hostile file
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH).maxStringLength(MAX_BYTES).maxNumberLength(32)
                .maxDocumentLength(MAX_BYTES).build());
    }

    private PlaceTransfer() {}

    /** The places as the JSON an import reads back. */
    public static String write(List<Option> places) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        ArrayNode list = root.putArray("places");
        for (Option o : places) {
            ObjectNode e = list.addObject();
            e.put("name", o.name());
            ArrayNode tags = e.putArray("tags");
            o.tags().forEach(tags::add);
            e.put("link", o.link());
            e.put("hours", o.hours());
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write places as JSON", e);
        }
    }

    /**
     * Reads and checks a whole file. Throws {@link EatException} naming the first
     * problem (and its entry); returns only when every entry is valid.
     */
    public static List<NewOption> read(byte[] json, String addedBy) {
        if (json == null || json.length == 0) throw EatException.of("import.empty");
        if (json.length > MAX_BYTES) throw EatException.of("import.too-big", MAX_BYTES / 1024);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(json)).toString();
        } catch (CharacterCodingException e) {
            throw EatException.of("import.not-utf8");
        }
        if (text.startsWith("\uFEFF")) text = text.substring(1); // a byte order mark some editors write
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (StreamConstraintsException e) {
            throw EatException.of("import.too-deep");
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof StreamConstraintsException) {
                throw EatException.of("import.too-deep");
            }
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw (line > 0 ? EatException.of("import.not-json.line", line) : EatException.of("import.not-json"));
        }
        if (root == null || !root.isObject()) {
            throw EatException.of("import.not-object");
        }
        unknownKeys(root, TOP_KEYS, w -> w.text("import.the-file"));
        JsonNode format = root.get("format");
        if (format != null && !(format.isTextual() && format.textValue().equals(FORMAT))) {
            throw EatException.of("import.format", FORMAT);
        }
        JsonNode version = root.get("version");
        if (version != null && !(version.isInt() && version.intValue() == VERSION)) {
            throw EatException.of("import.version", VERSION);
        }
        JsonNode places = root.get("places");
        if (places == null || !places.isArray()) throw EatException.of("import.no-places");
        if (places.size() > EatService.MAX_PLACES) {
            throw EatException.of("import.too-many", places.size(), EatService.MAX_PLACES);
        }
        List<NewOption> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < places.size(); i++) {
            NewOption o = entry(places.get(i), i + 1);
            Integer before = seen.putIfAbsent(Names.key(o.name()), i + 1);
            if (before != null) {
                throw EatException.of("import.same-name", before, i + 1, o.name());
            }
            out.add(new NewOption(o.name(), o.tags(), o.link(), o.hours(), addedBy));
        }
        return out;
    }

    private static NewOption entry(JsonNode e, int n) {
        if (!e.isObject()) throw EatException.of("import.not-an-entry", n);
        JsonNode name = e.get("name");
        String named = name != null && name.isTextual() ? shorten(name.textValue()) : null;
        Messages.Phrase where = named == null ? w -> w.text("import.where", n) : w -> w.text("import.where.named", n, named);
        try {
            unknownKeys(e, ENTRY_KEYS, where);
            if (name == null || !name.isTextual()) throw EatException.of("import.needs-name");
            String clean = Names.placeName(name.textValue());
            List<String> tags = tags(e.get("tags"));
            String link = text(e.get("link"), "link");
            String hours = hours(text(e.get("hours"), "hours"));
            return new NewOption(clean, tags, Names.link(link), hours, null);
        } catch (EatException ex) {
            if (ex.getMessage().startsWith(where.in(Messages.ENGLISH))) throw ex;
            throw EatException.of("import.entry", where, (Messages.Phrase) w -> lowerFirst(ex.text(w)));
        }
    }

    private static List<String> tags(JsonNode t) {
        if (t == null || t.isNull()) return List.of();
        if (!t.isArray()) throw EatException.of("import.tags-list");
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode tag : t) {
            if (!tag.isTextual()) throw EatException.of("import.tags-list");
            if (tag.textValue().contains(",")) throw EatException.of("refusal.tag.characters", shorten(tag.textValue()));
            String clean = Names.tag(tag.textValue());
            if (!clean.isEmpty()) out.add(clean);
        }
        if (out.size() > Names.MAX_TAGS) throw EatException.of("refusal.tags.too-many", Names.MAX_TAGS);
        return Names.onePrice(new ArrayList<>(out));
    }

    private static String text(JsonNode v, String key) {
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) throw EatException.of("import.text", key);
        return v.textValue();
    }

    private static String hours(String raw) {
        if (raw == null || raw.isBlank()) return null;
        String s = Names.clean(raw, "opening hours");
        if (s.codePointCount(0, s.length()) > MAX_HOURS) throw EatException.of("refusal.hours.too-long", MAX_HOURS);
        return s;
    }

    private static void unknownKeys(JsonNode node, Set<String> known, Messages.Phrase where) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!known.contains(k)) {
                throw EatException.of("import.unknown-key", where, shorten(k), String.join(", ", known.stream().sorted().toList()));
            }
        }
    }

    private static String lowerFirst(String m) {
        return m.isEmpty() ? m : Character.toLowerCase(m.charAt(0)) + m.substring(1);
    }

    private static String shorten(String s) {
        return Names.shown(s);
    }
}
