package eatbot.sim;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BernoulliBanditTest {
    @Test
    void laiRobbinsRateSumsGapOverKlForEverySuboptimalArm() {
        BernoulliBandit b = BernoulliBandit.withGap(10, 0.5, 0.1);
        double kl = 0.4 * Math.log(0.4 / 0.5) + 0.6 * Math.log(0.6 / 0.5);
        assertEquals(9 * 0.1 / kl, b.laiRobbinsConstant(), 1e-12);
        assertEquals(9 * 0.1 / kl * Math.log(1e6), b.laiRobbinsAsymptote(1_000_000), 1e-9);
    }

    @Test
    void theMostRegretIsEveryPullOnTheWorstArm() {
        BernoulliBandit b = new BernoulliBandit(new double[] {0.5, 0.45, 0.2});
        assertEquals(0.3, b.maxRegret(1), 1e-12);
        assertEquals(600, b.maxRegret(2000), 1e-9);
        // the asymptote is no bound early on: for K = 100, ε = 0.02 it is 1,715 at t = 2, where at most 0.04 is possible
        BernoulliBandit wide = BernoulliBandit.withGap(100, 0.5, 0.02);
        assertEquals(0.04, wide.maxRegret(2), 1e-12);
        assertTrue(wide.laiRobbinsAsymptote(2) > 1000 * wide.maxRegret(2));
    }

    @Test
    void armsTiedWithTheBestAddNothing() {
        BernoulliBandit b = new BernoulliBandit(new double[] {0.5, 0.5, 0.3});
        double kl = BernoulliBandit.klBernoulli(0.3, 0.5);
        assertEquals(0.2 / kl, b.laiRobbinsConstant(), 1e-12);
    }

    @Test
    void checkpointsAreLogSpacedAndEndAtTheHorizon() {
        assertArrayEquals(new long[] {1, 2, 5, 10, 22, 46, 100, 215, 464, 1000, 1234},
                Checkpoints.logSpaced(1234, 3));
        assertArrayEquals(new long[] {1}, Checkpoints.logSpaced(1, 10));
    }
}
