package eatbot.reliability;

import eatbot.eat.EatException;
import eatbot.eat.Feedback;
import eatbot.eat.FeedbackResult;
import eatbot.eat.Option;
import eatbot.eat.Preference;
import eatbot.eat.Reaction;
import eatbot.eat.SuggestRequest;
import eatbot.eat.Suggestion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Many members at once on one SQLite file, as a busy server would be: /eat,
 * reactions (with replays), place changes and settings changes from 12 threads
 * in two guilds. Nothing may fail with a lock error and every count must be exact.
 */
class ConcurrencyTest {
    private static final List<String> GUILDS = List.of("g1", "g2");
    private static final int THREADS = 12;
    private static final int OPS = 60;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void manyMembersAtOnceGetNoLockErrorsAndExactCounts(@TempDir Path dir) throws Exception {
        try (TestBot bot = TestBot.open(dir, 0.95)) {
            Map<String, List<Suggestion>> shared = new ConcurrentHashMap<>();
            GUILDS.forEach(g -> shared.put(g, new CopyOnWriteArrayList<>()));
            List<Throwable> unexpected = new CopyOnWriteArrayList<>();
            Map<String, AtomicInteger> placesAdded = new ConcurrentHashMap<>();
            Map<String, AtomicInteger> placesRemoved = new ConcurrentHashMap<>();
            Map<String, AtomicInteger> sharedNameWins = new ConcurrentHashMap<>();
            GUILDS.forEach(g -> {
                placesAdded.put(g, new AtomicInteger());
                placesRemoved.put(g, new AtomicInteger());
                sharedNameWins.put(g, new AtomicInteger());
            });
            // each thread is one member; what Discord would show of their reactions, per suggestion
            List<Map<Long, Set<Reaction>>> visible = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) visible.add(new HashMap<>());
            Map<Long, Suggestion> byId = new ConcurrentHashMap<>();

            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int me = t;
                done.add(pool.submit(() -> {
                    String user = "member-" + me;
                    String guild = GUILDS.get(me % GUILDS.size());
                    Random random = new Random(1000 + me);
                    Map<Long, Set<Reaction>> mine = visible.get(me);
                    List<String> myPlaces = new ArrayList<>();
                    start.await();
                    try {
                        // everyone races to add the same name: exactly one may win per guild
                        try {
                            bot.service.addPlace(guild, user, "Shared Noodle Bar", "noodles");
                            sharedNameWins.get(guild).incrementAndGet();
                        } catch (EatException e) {
                            assertEquals("There is already a place called 'Shared Noodle Bar'.", e.getMessage());
                        }
                        for (int op = 0; op < OPS; op++) {
                            int kind = random.nextInt(10);
                            List<Suggestion> pool1 = shared.get(guild);
                            if (kind < 2 || pool1.isEmpty()) {
                                Suggestion s = bot.service.suggest(SuggestRequest.forUser(guild, user));
                                pool1.add(s);
                                byId.put(s.id(), s);
                            } else if (kind < 7) {
                                Suggestion s = pool1.get(random.nextInt(pool1.size()));
                                Reaction r = random.nextBoolean() ? Reaction.LIKE : Reaction.DISLIKE;
                                boolean add = random.nextInt(3) > 0;
                                Set<Reaction> shown = mine.computeIfAbsent(s.id(), k -> EnumSet.noneOf(Reaction.class));
                                int copies = 1 + random.nextInt(2);
                                for (int c = 0; c < copies; c++) {
                                    FeedbackResult res = add ? bot.service.react(guild, s.id(), user, r)
                                            : bot.service.unreact(guild, s.id(), user, r);
                                    assertEquals(c == 0 && add != shown.contains(r), res.changed(), user + " " + (add ? "+" : "-") + r + " on " + s.id());
                                }
                                if (add) shown.add(r);
                                else shown.remove(r);
                            } else if (kind == 7) {
                                String name = "Place " + me + "-" + op;
                                bot.service.addPlace(guild, user, name, "test");
                                myPlaces.add(name);
                                placesAdded.get(guild).incrementAndGet();
                            } else if (kind == 8 && !myPlaces.isEmpty()) {
                                bot.service.removePlace(guild, myPlaces.remove(0));
                                placesRemoved.get(guild).incrementAndGet();
                            } else {
                                switch (random.nextInt(3)) {
                                    case 0 -> bot.service.setPolicy(guild, random.nextBoolean() ? "thompson" : "ucb1");
                                    case 1 -> bot.service.setPrior(guild, 0.5 + random.nextDouble(), 0.5 + random.nextDouble());
                                    default -> bot.service.taste(guild, user);
                                }
                            }
                        }
                    } catch (Throwable e) {
                        unexpected.add(e);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) f.get(100, TimeUnit.SECONDS);
            pool.shutdown();

            assertTrue(unexpected.isEmpty(), () -> "failures under load: " + unexpected);
            for (String g : GUILDS) {
                assertEquals(1, sharedNameWins.get(g).get(), "winners of the shared name in " + g);
                List<Option> places = bot.service.places(g);
                assertEquals(TestBot.STARTERS.size() + 1 + placesAdded.get(g).get() - placesRemoved.get(g).get(), places.size(), "places in " + g);
            }
            // the log and the preferences agree exactly with what each member's screen shows
            for (int t = 0; t < THREADS; t++) {
                String user = "member-" + t;
                String guild = GUILDS.get(t % GUILDS.size());
                Map<Long, int[]> expected = new HashMap<>();
                int active = 0;
                for (var e : visible.get(t).entrySet()) {
                    int[] counts = expected.computeIfAbsent(byId.get(e.getKey()).option().id(), k -> new int[2]);
                    if (e.getValue().contains(Reaction.LIKE)) counts[0]++;
                    if (e.getValue().contains(Reaction.DISLIKE)) counts[1]++;
                    active += e.getValue().size();
                }
                List<Feedback> log = bot.store.feedback(guild);
                assertEquals(active, log.stream().filter(f -> f.userId().equals(user) && f.active()).count(), "active reactions of " + user);
                Map<Long, Preference> prefs = bot.store.preferences(guild, user);
                for (var e : expected.entrySet()) {
                    Preference p = prefs.getOrDefault(e.getKey(), Preference.none(e.getKey()));
                    assertEquals(e.getValue()[0], p.likes(), user + " likes of option " + e.getKey());
                    assertEquals(e.getValue()[1], p.dislikes(), user + " dislikes of option " + e.getKey());
                }
            }
            for (String g : GUILDS) bot.assertPreferencesMatchLog(g, dir);
        }
    }
}
