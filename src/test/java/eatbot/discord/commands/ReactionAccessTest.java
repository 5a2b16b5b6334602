package eatbot.discord.commands;

import net.dv8tion.jda.api.Permission;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static net.dv8tion.jda.api.Permission.MESSAGE_ADD_REACTION;
import static net.dv8tion.jda.api.Permission.MESSAGE_EMBED_LINKS;
import static net.dv8tion.jda.api.Permission.MESSAGE_HISTORY;
import static net.dv8tion.jda.api.Permission.VIEW_CHANNEL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ReactionAccessTest {
    private static final Set<Permission> ALL = EnumSet.of(VIEW_CHANNEL, MESSAGE_ADD_REACTION, MESSAGE_HISTORY, MESSAGE_EMBED_LINKS);

    @Test
    void withEverythingOrUnknownThereIsNothingToSay() {
        assertNull(ReactionAccess.of(ALL, ALL).warning());
        assertNull(ReactionAccess.FINE.warning());
    }

    @Test
    void withoutViewChannelNothingIsLearnedAndWhatOverwritesAlsoDenyIsNamedToo() {
        // Discord ignores the rest without View Channel; JDA's effective set is then empty
        assertEquals("⚠️ 👍/👎 here will not be learned: eatbot cannot see this channel. Grant eatbot View Channel in this channel.",
                ReactionAccess.of(Set.of(), ALL).warning());
        assertEquals("⚠️ 👍/👎 here will not be learned: eatbot cannot see this channel. "
                        + "Grant eatbot View Channel, Add Reactions and Read Message History in this channel.",
                ReactionAccess.of(Set.of(), EnumSet.of(MESSAGE_EMBED_LINKS)).warning());
    }

    @Test
    void seeingButNotReactingNamesJustWhatIsMissing() {
        Set<Permission> noHistory = EnumSet.of(VIEW_CHANNEL, MESSAGE_ADD_REACTION);
        assertEquals("⚠️ eatbot cannot add 👍/👎 here; ones you add still count. Grant eatbot Read Message History in this channel.",
                ReactionAccess.of(noHistory, noHistory).warning());
        Set<Permission> seeOnly = EnumSet.of(VIEW_CHANNEL);
        assertEquals("⚠️ eatbot cannot add 👍/👎 here; ones you add still count. "
                + "Grant eatbot Add Reactions and Read Message History in this channel.", ReactionAccess.of(seeOnly, seeOnly).warning());
    }
}
