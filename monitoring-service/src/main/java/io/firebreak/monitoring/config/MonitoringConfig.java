package io.firebreak.monitoring.config;

import io.firebreak.monitoring.detection.DetectorParameters;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "monitoring")
public interface MonitoringConfig {

    Mentions mentions();

    Detection detection();

    interface Mentions {

        /** How long a mention is kept after its publication time; older ones are deleted. */
        @WithDefault("P30D")
        Duration retention();

        /** How often the expired mentions are deleted, in the scheduler's syntax ("1h", "2s"). */
        @WithDefault("1h")
        String purgeInterval();
    }

    /** Parameters of the surge detector, the same for every series; see DetectorParameters for their meaning. */
    interface Detection {

        /** Points after which an observation weighs half as much in the learned level and spread. */
        @WithDefault("1600")
        int halfLife();

        /** Robust z-score (on log counts) at which the anomaly score reaches 0.5. */
        @WithDefault("4.0")
        double zScale();

        /** Anomaly score in (0, 1] at or above which a point is an alert. */
        @WithDefault("0.57")
        double threshold();

        /** Points after an alert during which no new alert is raised. */
        @WithDefault("288")
        int cooldown();

        /** Points learned before any alert can be raised. */
        @WithDefault("48")
        int warmup();

        /** Residuals beyond this many spreads are clipped when learning. */
        @WithDefault("3.5")
        double clip();

        /** Points in one seasonal cycle (one day of buckets: 288 for 5-minute buckets), 0 for none. */
        @WithDefault("288")
        int season();

        /** How fast the seasonal profile learns, per cycle, in (0, 1]. */
        @WithDefault("0.5")
        double seasonWeight();

        /** Weight in [0, 1) of the newest z-score in its short-horizon mean, 0 for none. */
        @WithDefault("0.15")
        double smoothing();

        /** Factor applied to that mean before it competes with the point's own z-score. */
        @WithDefault("2.5")
        double smoothGain();

        default DetectorParameters parameters() {
            return new DetectorParameters(halfLife(), zScale(), threshold(), cooldown(), warmup(), clip(), season(),
                    seasonWeight(), smoothing(), smoothGain());
        }
    }
}
