package eatbot.discord.commands;

import eatbot.commands.Commands;
import eatbot.commands.Handlers;
import eatbot.eat.EatService;

/**
 * {@code /privacy export|forget}: the caller's own data in this server, only
 * they see it; answered by {@code eatbot.commands.PrivacyHandler}. Forgetting asks
 * first, with a button only the asker can press; the button carries the asker's
 * id, so it works after a restart too.
 */
public final class PrivacyCommand extends DefinedCommand {
    /** Custom id prefixes of the confirmation buttons; the asker's user id follows. */
    public static final String FORGET = "privacy-forget:";
    public static final String KEEP = "privacy-keep:";
    static final String NOT_YOURS = "Only the person who asked can confirm this.";

    public PrivacyCommand(EatService service) {
        this(service, new Handlers(service));
    }

    public PrivacyCommand(EatService service, Handlers handlers) {
        super(Commands.PRIVACY, service, handlers);
    }

    /** A refusal when someone other than the asker presses a confirmation button, else null. */
    public static String refuseButton(Call call, String customId) {
        String asker = customId.substring(customId.indexOf(':') + 1);
        return asker.equals(call.userId()) ? null : NOT_YOURS;
    }

    /** The confirmation button: forgets the presser (who is the asker), and says what went. */
    public Reply confirm(Call call) {
        return reply(handlers().confirmed(FORGET.substring(0, FORGET.length() - 1), invocation(call, "forget")), call);
    }

    /** The "keep it" button. */
    public Reply keep(Call call) {
        return reply(Handlers.declined(call.locale()), call);
    }

    public Reply keep() {
        return Reply.text(eatbot.i18n.Messages.ENGLISH.text("privacy.kept"));
    }
}
