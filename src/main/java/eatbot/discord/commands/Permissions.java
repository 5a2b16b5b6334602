package eatbot.discord.commands;

import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;

/**
 * Who may tune eatbot: members with Manage Server. Used twice on purpose: as
 * the admin commands' default member permissions (Discord hides them from
 * others) and as a check in the handler, because a server can override a
 * command's visibility.
 */
public final class Permissions {
    public static final Permission ADMIN = Permission.MANAGE_SERVER;
    public static final String ADMIN_ONLY = "Only members with the Manage Server permission can do that.";

    private Permissions() {}

    public static DefaultMemberPermissions adminDefault() {
        return DefaultMemberPermissions.enabledFor(ADMIN);
    }

    /** The refusal for a non-admin, or null when the caller may go on. */
    public static String refuseUnlessAdmin(Call call) {
        return call.canManageServer() ? null : ADMIN_ONLY;
    }
}
