package eatbot.discord.commands;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class EatRateLimitTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final EatRateLimit limit = new EatRateLimit(2, now::get);

    @Test
    void refusesTheAskOverTheLimitAndSaysWhenToComeBack() {
        assertNull(limit.tryAcquire("g", "u"));
        now.addAndGet(10_000);
        assertNull(limit.tryAcquire("g", "u"));
        now.addAndGet(5_000);
        assertEquals("Easy! You asked for 2 suggestions in the last minute. Try again in 45 s.", limit.tryAcquire("g", "u"));
        assertNull(limit.tryAcquire("g", "someone else"), "per person");
        assertNull(limit.tryAcquire("other server", "u"), "per server");
        now.addAndGet(45_000);
        assertNull(limit.tryAcquire("g", "u"), "the oldest ask has left the minute");
    }

    @Test
    void theRefusalNamesWhatWasAskedFor() {
        EatRateLimit pictures = new EatRateLimit(1, now::get, "picture");
        assertNull(pictures.tryAcquire("g", "u"));
        assertEquals("Easy! You asked for 1 picture in the last minute. Try again in 60 s.", pictures.tryAcquire("g", "u"));
    }

    @Test
    void aChineseReaderIsToldInChinese() {
        eatbot.i18n.Messages zh = eatbot.i18n.Messages.of(eatbot.i18n.Messages.SIMPLIFIED_CHINESE);
        assertNull(limit.tryAcquire("g", "u", zh));
        assertNull(limit.tryAcquire("g", "u", zh));
        now.addAndGet(20_000);
        assertEquals("别急！你这一分钟里已经要了 2 次推荐，40 秒后再试吧。", limit.tryAcquire("g", "u", zh));
    }

    @Test
    void aRefusedAskDoesNotCount() {
        limit.tryAcquire("g", "u");
        limit.tryAcquire("g", "u");
        for (int i = 0; i < 5; i++) limit.tryAcquire("g", "u");
        now.addAndGet(60_000);
        assertNull(limit.tryAcquire("g", "u"));
        assertNull(limit.tryAcquire("g", "u"));
    }
}
