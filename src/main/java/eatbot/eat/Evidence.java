package eatbot.eat;

import java.util.Map;

/**
 * A person's stored evidence per option id and their feedback step, read
 * together: each preference is as of its own step, discounted to this one.
 */
public record Evidence(Map<Long, Preference> preferences, long step) {
}
