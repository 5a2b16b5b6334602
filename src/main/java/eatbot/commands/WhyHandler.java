package eatbot.commands;

import eatbot.chart.WhyChart;
import eatbot.eat.EatService;
import eatbot.eat.Why;
import eatbot.i18n.Messages;

/**
 * {@code /eat why id:} (Discord: {@code /eat-why}, and the "Why?" button): a picture of why a
 * place was suggested, everyone's beliefs and draws as they were when it was chosen.
 */
final class WhyHandler implements Handler {
    private final EatService service;

    WhyHandler(EatService service) {
        this.service = service;
    }

    @Override
    public Answer handle(Invocation in) {
        int id = in.options().whole("id");
        Why why = service.why(in.guild(), id, in.user());
        byte[] png = WhyChart.png(why, in.names());
        String place = in.style().strong(in.style().name(why.suggestion().option().name()));
        return new Answer.File(Messages.of(in.locale()).text("why.text", place, id), "why-" + in.guild() + "-" + id + "-" + in.user() + ".png", png, true);
    }
}
