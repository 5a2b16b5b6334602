package eatbot.commands;

import eatbot.eat.SuggestRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** What {@code /eat} and {@code /eat plan} share: who eats and the filters, from their options. */
public final class Asking {
    private Asking() {}

    /** The caller and the people {@code with:} names (at most {@link Commands#GROUP} in all), and the filters. */
    public static SuggestRequest request(Invocation in) {
        List<String> members = new ArrayList<>();
        members.add(in.user());
        members.addAll(in.people().in("with"));
        SuggestRequest.limitGroup(members);
        Args o = in.options();
        return new SuggestRequest(in.guild(), in.user(), members, Set.of())
                .filtered(o.text("not"), o.text("max-price"), o.text("only"))
                .at(o.text("at"))
                .fromInteraction(in.interaction());
    }
}
