package eatbot.eat;

import java.util.List;

/** A place about to be added: checked by {@link Names} before it reaches the store. */
public record NewOption(String name, List<String> tags, String link, String hours, String addedBy) {
    public NewOption {
        tags = List.copyOf(tags);
    }
}
