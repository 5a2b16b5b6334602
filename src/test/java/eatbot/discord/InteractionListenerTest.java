package eatbot.discord;

import eatbot.discord.commands.CommandSet;
import eatbot.discord.commands.EatRateLimit;
import eatbot.eat.EatService;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.requests.restaction.WebhookMessageEditAction;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The router's answer to a deferred interaction, at the one seam the end-to-end test cannot reach: a handler that dies of an Error. */
class InteractionListenerTest {
    @Test
    @SuppressWarnings("unchecked")
    void aHandlerDyingOfAnErrorStillAnswersTheCaller() {
        EatService service = mock(EatService.class);
        InteractionListener listener = new InteractionListener(new CommandSet(service, new EatRateLimit(1, () -> 0)), service,
                Runnable::run, new ReactionListener(service, Runnable::run, new HeldReactions<>(() -> 0, 10)));
        InteractionHook hook = mock(InteractionHook.class);
        WebhookMessageEditAction<net.dv8tion.jda.api.entities.Message> edit = mock(WebhookMessageEditAction.class);
        when(hook.editOriginal(any(MessageEditData.class))).thenReturn(edit);

        // what a chart gives on a host without fonts: an Error, not an exception
        listener.answer(hook, true, () -> {
            throw new NoClassDefFoundError("Could not initialize class sun.awt.X11FontManager");
        }, listener.take("a channel", true, "a test"));

        ArgumentCaptor<MessageEditData> sent = ArgumentCaptor.forClass(MessageEditData.class);
        verify(hook).editOriginal(sent.capture());
        assertEquals(InteractionListener.OOPS, sent.getValue().getContent());
        verify(edit).queue(any(), any());
    }
}
