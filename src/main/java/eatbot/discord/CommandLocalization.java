package eatbot.discord;

import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.localization.LocalizationFunction;
import net.dv8tion.jda.api.interactions.commands.localization.ResourceBundleLocalizationFunction;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * How Discord shows eatbot's commands to a zh-CN client: descriptions of every command,
 * subcommand, option and choice from {@code eatbot/i18n/commands_zh_CN.properties}, keyed
 * by JDA's command paths ({@code place.add.options.name.description}). The English in
 * {@code commands.properties} is the text the code registers (a test holds them equal), so a
 * changed English description shows which translation to look at again.
 *
 * <p>Names stay English: replies, {@code /eat-help}, the console and the README quote
 * {@code /place add name:}, and one spelling in every client keeps those true.
 */
public final class CommandLocalization {
    public static final String BUNDLE = "eatbot.i18n.commands";
    /** The client languages with a command bundle, and the Java locale of each file. */
    public static final List<DiscordLocale> LOCALES = List.of(DiscordLocale.CHINESE_CHINA);

    private static final LocalizationFunction FUNCTION = function();

    private CommandLocalization() {}

    private static LocalizationFunction function() {
        // no fallback to the JVM's default locale: a zh_CN file must not be read as English on a machine set to Chinese, or the reverse
        ResourceBundle.Control control = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
        ResourceBundleLocalizationFunction.Builder b = ResourceBundleLocalizationFunction.empty();
        for (DiscordLocale l : LOCALES) {
            b.addBundle(ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(l.getLocale()), CommandLocalization.class.getClassLoader(), control), l);
        }
        return b.build();
    }

    /** The commands as registered: each carries its localizations (JDA applies them when the data is sent). */
    public static List<CommandData> localized(List<CommandData> commands) {
        return commands.stream().map(c -> c.setLocalizationFunction(FUNCTION)).toList();
    }
}
