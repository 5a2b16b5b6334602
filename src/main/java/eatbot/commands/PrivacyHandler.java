package eatbot.commands;

import eatbot.eat.EatService;
import eatbot.i18n.Messages;

import java.nio.charset.StandardCharsets;

/** {@code /privacy export|forget}: the caller's own data in this server; forgetting asks first. */
final class PrivacyHandler {
    /** The confirmation's action: what {@link #confirmed} does. */
    static final String FORGET = "privacy-forget";
    static final String KEEP = "privacy-keep";
    private final EatService service;

    PrivacyHandler(EatService service) {
        this.service = service;
    }

    Answer export(Invocation in) {
        return new Answer.File(Messages.of(in.locale()).text("privacy.export"), "eatbot-my-data.json",
                service.privacyExport(in.guild(), in.user()).getBytes(StandardCharsets.UTF_8), false);
    }

    Answer forget(Invocation in) {
        Messages m = Messages.of(in.locale());
        return new Answer.Confirm(m.text("privacy.forget.ask"), m.text("privacy.forget.yes"), m.text("privacy.forget.no"), FORGET, KEEP);
    }

    /** The asker said yes: forgets them, and says what went. */
    Answer confirmed(Invocation in) {
        return new Answer.Text(Words.forgotten(service.privacyForget(in.guild(), in.user()), in.locale()));
    }

    static Answer kept(java.util.Locale locale) {
        return new Answer.Text(Messages.of(locale).text("privacy.kept"));
    }
}
