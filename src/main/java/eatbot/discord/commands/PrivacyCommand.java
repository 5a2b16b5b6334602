package eatbot.discord.commands;

import eatbot.eat.EatException;
import eatbot.eat.EatService;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.utils.FileUpload;

import java.nio.charset.StandardCharsets;

/**
 * {@code /privacy export|forget}: the caller's own data in this server, only
 * they see it. Forgetting asks first, with a button only the asker can press;
 * the button carries the asker's id, so it works after a restart too.
 */
public final class PrivacyCommand extends SlashCommand {
    /** Custom id prefixes of the confirmation buttons; the asker's user id follows. */
    public static final String FORGET = "privacy-forget:";
    public static final String KEEP = "privacy-keep:";
    static final String NOT_YOURS = "Only the person who asked can confirm this.";
    private final EatService service;

    public PrivacyCommand(EatService service) {
        super(eatbot.commands.Commands.PRIVACY);
        this.service = service;
    }

    @Override
    public Reply run(Call call) {
        String sub = call.subcommand() == null ? "" : call.subcommand();
        return switch (sub) {
            case "export" -> new Reply(Reply.builder()
                    .setContent("Everything eatbot keeps about you in this server.")
                    .addFiles(FileUpload.fromData(service.privacyExport(call.guildId(), call.userId()).getBytes(StandardCharsets.UTF_8),
                            "eatbot-my-data.json"))
                    .build(), null);
            case "forget" -> new Reply(Reply.builder()
                    .setContent("This deletes your reactions and what eatbot learned about your taste in this server, for good."
                            + " The server's places stay. Go on?")
                    .setComponents(ActionRow.of(Button.danger(FORGET + call.userId(), "Delete my data"),
                            Button.secondary(KEEP + call.userId(), "Keep it")))
                    .build(), null);
            default -> throw new EatException(eatbot.commands.Refusals.use(definition(), call.locale()));
        };
    }

    /** A refusal when someone other than the asker presses a confirmation button, else null. */
    public static String refuseButton(Call call, String customId) {
        String asker = customId.substring(customId.indexOf(':') + 1);
        return asker.equals(call.userId()) ? null : NOT_YOURS;
    }

    /** The confirmation button: forgets the presser (who is the asker), and says what went. */
    public Reply confirm(Call call) {
        return Reply.text(eatbot.commands.Words.forgotten(service.privacyForget(call.guildId(), call.userId()), call.locale()));
    }

    /** The "keep it" button. */
    public Reply keep() {
        return Reply.text("Nothing was deleted.");
    }
}
