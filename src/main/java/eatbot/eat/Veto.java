package eatbot.eat;

import java.util.Objects;

/**
 * A standing "never suggest this": a place or a tag, for one person (only when
 * they are eating) or for the whole server.
 *
 * @param userId    the person, or null for a server-wide veto set by an admin
 * @param placeId   the vetoed place, or null when a tag is vetoed
 * @param placeName the place's name, for showing (null with a tag)
 * @param tag       the vetoed tag, or null when a place is vetoed
 */
public record Veto(String userId, Long placeId, String placeName, String tag) {
    public Veto {
        if ((placeId == null) == (tag == null)) throw new IllegalArgumentException("a veto is of a place or of a tag");
    }

    public boolean serverWide() {
        return userId == null;
    }

    public boolean blocks(Option o) {
        return placeId != null ? placeId == o.id() : o.hasTag(tag);
    }

    /** Same person (or server) and same target. */
    public boolean sameAs(Veto v) {
        return Objects.equals(userId, v.userId) && Objects.equals(placeId, v.placeId) && Objects.equals(tag, v.tag);
    }

    /** "Hotpot King" or "places tagged spicy". */
    public String what() {
        return placeId != null ? placeName : "places tagged " + tag;
    }
}
