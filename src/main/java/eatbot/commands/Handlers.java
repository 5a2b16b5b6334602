package eatbot.commands;

import eatbot.eat.EatService;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The commands answered by one handler for both front ends, by definition and
 * subcommand path. A front end asks here first; what is not here it still answers
 * itself (see docs/DESIGN.md: the commands not moved yet).
 */
public final class Handlers {
    private final Map<String, Handler> byPath = new HashMap<>();

    public Handlers(EatService service) {
        VetoHandler vetoes = new VetoHandler(service);
        for (String sub : List.of("add", "remove", "list")) {
            on(Commands.VETO, sub, in -> vetoes.handle(in, in.user(), sub));
            on(Commands.ADMIN, "veto " + sub, in -> vetoes.handle(in, null, sub));
        }
        on(Commands.HISTORY, null, new HistoryHandler(service));
        on(Commands.EAT, null, new EatHandler(service));
        on(Commands.PLAN, null, new PlanHandler(service));
        on(Commands.WHY, null, new WhyHandler(service));
        on(Commands.TASTE, null, new TasteHandler(service));
        AdminHandler admin = new AdminHandler(service);
        on(Commands.ADMIN, "show", admin::show);
        for (eatbot.eat.Setting<?> setting : eatbot.eat.Settings.ALL) on(Commands.ADMIN, setting.key(), in -> admin.set(in, setting));
        PlaceHandler places = new PlaceHandler(service);
        on(Commands.PLACE, "add", places::add);
        on(Commands.PLACE, "list", places::list);
        on(Commands.PLACE, "edit", places::edit);
        on(Commands.PLACE, "remove", places::remove);
        on(Commands.PLACE, "rename", places::rename);
        on(Commands.PLACE, "export", places::export);
        on(Commands.PLACE, "import", places::importPlaces);
        PrivacyHandler privacy = new PrivacyHandler(service);
        on(Commands.PRIVACY, "export", privacy::export);
        on(Commands.PRIVACY, "forget", privacy::forget);
        confirmations.put(PrivacyHandler.FORGET, privacy::confirmed);
    }

    private final Map<String, Handler> confirmations = new HashMap<>();

    /** What saying yes to a {@link Answer.Confirm} with this action does. */
    public Answer confirmed(String action, Invocation in) {
        Handler h = confirmations.get(action);
        if (h == null) throw new IllegalStateException("no confirmation " + action);
        return h.handle(in);
    }

    /** "The file is too big (at most 256 KB). Nothing was imported." */
    public static String fileTooBig(java.util.Locale locale) {
        return PlaceHandler.tooBig(locale);
    }

    /** What saying no to a confirmation answers. */
    public static Answer declined(java.util.Locale locale) {
        return PrivacyHandler.kept(locale);
    }

    private void on(CommandDef def, String path, Handler handler) {
        if (path != null && def.subcommand(path).isEmpty()) throw new IllegalStateException("/" + def.name() + " has no " + path);
        byPath.put(key(def, path), handler);
    }

    private static String key(CommandDef def, String path) {
        return path == null ? def.name() : def.name() + " " + path;
    }

    /** The handler of a command or subcommand, when it has moved here. */
    public Optional<Handler> get(CommandDef def, String path) {
        return Optional.ofNullable(byPath.get(key(def, path)));
    }

    /** Answers an invocation of {@code def} at {@code path}; the handler must exist. */
    public Answer answer(CommandDef def, String path, Invocation in) {
        return get(def, path).orElseThrow(() -> new IllegalStateException("no handler for " + key(def, path))).handle(in);
    }
}
