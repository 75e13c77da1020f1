package dev.weft.gui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The live chart's points: a rate from the running total, one point a second, the last minute kept. */
class RateSamplerTest {

    @Test
    void theRateIsTheTotalsGrowthPerSecond() {
        RateSampler sampler = new RateSampler();
        sampler.sample(0, 0, 100);
        sampler.sample(2_000_000_000L, 3, 140);

        assertThat(sampler.points()).containsExactly(new RateSampler.Point(0, 0, 0), new RateSampler.Point(1, 3, 20));
    }

    @Test
    void keepsTheLastMinuteOfPoints() {
        RateSampler sampler = new RateSampler();
        for (int i = 0; i < 75; i++) {
            sampler.sample(i * 1_000_000_000L, 0, i);
        }

        assertThat(sampler.points()).hasSize(RateSampler.WINDOW);
        assertThat(sampler.points().getFirst().second()).isEqualTo(15);
        assertThat(sampler.taken()).isEqualTo(75);
    }
}
