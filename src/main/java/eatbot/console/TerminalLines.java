package eatbot.console;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Lines typed at a terminal, with line editing and this session's history
 * (arrow keys, Ctrl-R) through JLine. Only for a person at a terminal: a piped
 * script is read plainly, with no prompt and no escape codes. The history is kept
 * in memory only: what people typed about each other's tastes is not written to disk.
 */
public final class TerminalLines implements Console.Lines, AutoCloseable {
    private final Terminal terminal;
    private final LineReader reader;

    private TerminalLines(Terminal terminal, LineReader reader) {
        this.terminal = terminal;
        this.reader = reader;
    }

    public static TerminalLines open() throws IOException {
        Terminal terminal = TerminalBuilder.builder().system(true).encoding(StandardCharsets.UTF_8).build();
        // a line is taken as typed: no quotes or backslashes to close ("Joe's Diner"), no !-expansion
        DefaultParser plain = new DefaultParser().quoteChars(new char[0]).escapeChars(new char[0]).eofOnUnclosedQuote(false);
        LineReader reader = LineReaderBuilder.builder().terminal(terminal).parser(plain)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true).build();
        return new TerminalLines(terminal, reader);
    }

    @Override
    public String next(String prompt) {
        try {
            return reader.readLine(prompt == null ? "" : prompt);
        } catch (EndOfFileException | UserInterruptException e) {
            return null; // Ctrl-D or Ctrl-C ends the session, as they did before line editing
        }
    }

    @Override
    public void close() throws IOException {
        terminal.close();
    }
}
