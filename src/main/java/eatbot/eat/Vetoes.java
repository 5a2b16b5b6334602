package eatbot.eat;

import java.util.List;

/**
 * A guild's standing vetoes. The server's apply to every request; a person's
 * apply whenever that person is among those eating.
 */
public final class Vetoes {
    private final List<Veto> all;

    public Vetoes(List<Veto> all) {
        this.all = List.copyOf(all);
    }

    public List<Veto> all() {
        return all;
    }

    /** The server's vetoes and this person's, server first. */
    public List<Veto> visibleTo(String userId) {
        return all.stream().filter(v -> v.serverWide() || v.userId().equals(userId))
                .sorted((a, b) -> Boolean.compare(!a.serverWide(), !b.serverWide())).toList();
    }

    /**
     * One named step for the server's vetoes, then one per member who has any:
     * "your vetoes" for the one asking, "the vetoes of bob" for the others.
     */
    public void applyTo(Sieve sieve, List<String> members, String asker) {
        List<Veto> server = all.stream().filter(Veto::serverWide).toList();
        if (!server.isEmpty()) sieve.keep("the server's vetoes", o -> server.stream().noneMatch(v -> v.blocks(o)));
        for (String m : members) {
            List<Veto> own = all.stream().filter(v -> m.equals(v.userId())).toList();
            if (!own.isEmpty()) sieve.keep(m.equals(asker) ? "your vetoes" : "the vetoes of " + who(m), o -> own.stream().noneMatch(v -> v.blocks(o)));
        }
    }

    /** A person as a message names them: Discord ids (all digits) as a mention, console names as they are. */
    static String who(String userId) {
        return userId.chars().allMatch(Character::isDigit) ? "<@" + userId + ">" : userId;
    }
}
