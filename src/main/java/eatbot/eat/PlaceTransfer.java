package eatbot.eat;

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
        if (json == null || json.length == 0) throw new EatException("The file is empty.");
        if (json.length > MAX_BYTES) throw new EatException("The file is too big (at most " + MAX_BYTES / 1024 + " KB).");
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(json)).toString();
        } catch (CharacterCodingException e) {
            throw new EatException("The file is not UTF-8 text.");
        }
        if (text.startsWith("\uFEFF")) text = text.substring(1); // a byte order mark some editors write
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (StreamConstraintsException e) {
            throw new EatException("The file is nested too deeply or has a value that is too long.");
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof StreamConstraintsException) {
                throw new EatException("The file is nested too deeply or has a value that is too long.");
            }
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new EatException("The file is not valid JSON" + (line > 0 ? " (line " + line + ")" : "") + ".");
        }
        if (root == null || !root.isObject()) {
            throw new EatException("The file must be a JSON object with a \"places\" list (as /place export writes).");
        }
        unknownKeys(root, TOP_KEYS, "The file");
        JsonNode format = root.get("format");
        if (format != null && !(format.isTextual() && format.textValue().equals(FORMAT))) {
            throw new EatException("This is not an eatbot places file (format must be \"" + FORMAT + "\").");
        }
        JsonNode version = root.get("version");
        if (version != null && !(version.isInt() && version.intValue() == VERSION)) {
            throw new EatException("This places file has an unknown version; this eatbot reads version " + VERSION + ".");
        }
        JsonNode places = root.get("places");
        if (places == null || !places.isArray()) throw new EatException("The file has no \"places\" list.");
        if (places.size() > EatService.MAX_PLACES) {
            throw new EatException("The file has " + places.size() + " places; at most " + EatService.MAX_PLACES + " can be imported.");
        }
        List<NewOption> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < places.size(); i++) {
            NewOption o = entry(places.get(i), i + 1);
            Integer before = seen.putIfAbsent(Names.key(o.name()), i + 1);
            if (before != null) {
                throw new EatException("Entries " + before + " and " + (i + 1) + " are both named '" + o.name() + "'.");
            }
            out.add(new NewOption(o.name(), o.tags(), o.link(), o.hours(), addedBy));
        }
        return out;
    }

    private static NewOption entry(JsonNode e, int n) {
        String where = "Entry " + n;
        if (!e.isObject()) throw new EatException(where + " is not an object with a name.");
        JsonNode name = e.get("name");
        if (name != null && name.isTextual()) where += " ('" + shorten(name.textValue()) + "')";
        try {
            unknownKeys(e, ENTRY_KEYS, where);
            if (name == null || !name.isTextual()) throw new EatException("it needs a \"name\" text.");
            String clean = Names.placeName(name.textValue());
            List<String> tags = tags(e.get("tags"));
            String link = text(e.get("link"), "link");
            String hours = hours(text(e.get("hours"), "hours"));
            return new NewOption(clean, tags, Names.link(link), hours, null);
        } catch (EatException ex) {
            if (ex.getMessage().startsWith(where)) throw ex;
            throw new EatException(where + ": " + lowerFirst(ex.getMessage()));
        }
    }

    private static List<String> tags(JsonNode t) {
        if (t == null || t.isNull()) return List.of();
        if (!t.isArray()) throw new EatException("\"tags\" must be a list of texts.");
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode tag : t) {
            if (!tag.isTextual()) throw new EatException("\"tags\" must be a list of texts.");
            if (tag.textValue().contains(",")) throw new EatException("Tag '" + shorten(tag.textValue()) + "' may only use letters, digits, '-' and '$'.");
            String clean = Names.tag(tag.textValue());
            if (!clean.isEmpty()) out.add(clean);
        }
        if (out.size() > Names.MAX_TAGS) throw new EatException("A place can have at most " + Names.MAX_TAGS + " tags.");
        return Names.onePrice(new ArrayList<>(out));
    }

    private static String text(JsonNode v, String key) {
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) throw new EatException("\"" + key + "\" must be a text.");
        return v.textValue();
    }

    private static String hours(String raw) {
        if (raw == null || raw.isBlank()) return null;
        String s = Names.clean(raw, "opening hours");
        if (s.codePointCount(0, s.length()) > MAX_HOURS) throw new EatException("Opening hours can have at most " + MAX_HOURS + " characters.");
        return s;
    }

    private static void unknownKeys(JsonNode node, Set<String> known, String where) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!known.contains(k)) {
                throw new EatException(where + " has an unknown key '" + shorten(k) + "' (known: "
                        + String.join(", ", known.stream().sorted().toList()) + ").");
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
