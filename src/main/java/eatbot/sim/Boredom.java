package eatbot.sim;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A simulated team and its places, for {@code simulate-week}. Each person has a
 * base liking of each place (the chance of a 👍): a quality the team shares plus
 * a taste of their own. Boredom: the liking of a place falls when the team ate
 * its cuisine in the last {@link #DROP}.length days (by half after yesterday, by
 * 30% two days back, by 15% three days back, compounding) and recovers after.
 */
public final class Boredom {
    /** How much of the liking is lost when the cuisine was eaten d days ago (index d − 1). */
    static final double[] DROP = {0.5, 0.3, 0.15};

    private final int people;
    private final int places;
    private final int[] cuisine;
    private final double[][] base;

    private Boredom(int people, int places, int[] cuisine, double[][] base) {
        this.people = people;
        this.places = places;
        this.cuisine = cuisine;
        this.base = base;
    }

    /** A team of {@code people} and {@code places} places of places/4 cuisines (at least 2), from the run's random stream. */
    public static Boredom generate(int people, int places, UniformRandomProvider rng) {
        int cuisines = Math.max(2, places / 4);
        int[] cuisine = new int[places];
        double[] quality = new double[places];
        for (int k = 0; k < places; k++) {
            cuisine[k] = k % cuisines; // every cuisine has places
            quality[k] = rng.nextDouble();
        }
        double[][] base = new double[people][places];
        for (int p = 0; p < people; p++) {
            for (int k = 0; k < places; k++) base[p][k] = 0.6 * quality[k] + 0.4 * rng.nextDouble();
        }
        return new Boredom(people, places, cuisine, base);
    }

    public int people() { return people; }

    public int places() { return places; }

    public int cuisine(int place) { return cuisine[place]; }

    /**
     * Person p's true liking of the place today, after {@code eaten}: the places of
     * the days before, most recent last ({@code -1} for none).
     */
    public double liking(int p, int place, int[] eaten, int today) {
        double f = 1;
        for (int d = 1; d <= DROP.length && today - d >= 0; d++) {
            int before = eaten[today - d];
            if (before >= 0 && cuisine[before] == cuisine[place]) f *= 1 - DROP[d - 1];
        }
        return base[p][place] * f;
    }
}
