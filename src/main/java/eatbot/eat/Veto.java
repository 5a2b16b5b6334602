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
 * @param placeRemoved true when the vetoed place has since been removed (archived): the veto
 *                  blocks nothing any more, but it stands (and counts) until it is lifted
 */
public record Veto(String userId, Long placeId, String placeName, String tag, boolean placeRemoved) {
    public Veto {
        if ((placeId == null) == (tag == null)) throw new IllegalArgumentException("a veto is of a place or of a tag");
        if (placeRemoved && placeId == null) throw new IllegalArgumentException("only a place can be removed");
    }

    /** A veto of an active place, or of a tag. */
    public Veto(String userId, Long placeId, String placeName, String tag) {
        this(userId, placeId, placeName, tag, false);
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

    /** "Hotpot King", "Hotpot King (a removed place)" or "places tagged spicy". */
    public String what() {
        return what(eatbot.i18n.Messages.ENGLISH);
    }

    /** {@link #what()} in the reader's words. */
    public String what(eatbot.i18n.Messages words) {
        return placeId != null ? placeName + (placeRemoved ? words.text("veto.removedPlace") : "") : words.text("veto.tag", tag);
    }
}
