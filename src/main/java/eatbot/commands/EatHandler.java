package eatbot.commands;

import eatbot.eat.EatService;
import eatbot.eat.SuggestRequest;

/** {@code /eat}: a place for the caller (and whom {@code with:} names), by everyone's taste. */
final class EatHandler implements Handler {
    private final EatService service;

    EatHandler(EatService service) {
        this.service = service;
    }

    @Override
    public Answer handle(Invocation in) {
        SuggestRequest request = Asking.request(in);
        return new Answer.Suggested(service.suggest(request), request);
    }
}
