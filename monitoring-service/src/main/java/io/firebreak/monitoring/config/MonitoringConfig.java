package io.firebreak.monitoring.config;

import io.firebreak.monitoring.detection.DetectorParameters;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "monitoring")
public interface MonitoringConfig {

    Mentions mentions();

    Detection detection();

    Buckets buckets();

    Signals signals();

    Mastodon mastodon();

    /** Per-watch time buckets, closed and fed to the detector by one replica at a time. */
    interface Buckets {

        /** Length of a bucket; a day must be a whole number of buckets. */
        @WithDefault("PT1M")
        Duration length();

        /** How long after its end a bucket is closed, so that ingestion transactions in flight land in it. */
        @WithDefault("PT2S")
        Duration grace();

        /** How often due buckets are looked for, in the scheduler's syntax ("1s"), or "off". */
        @WithDefault("1s")
        String closeEvery();
    }

    /** When a detected surge becomes a signal, grows and ends (see SignalLifecycle). */
    interface Signals {

        /** Anomaly score below which a bucket of an open signal is quiet. The raising threshold is detection's. */
        @WithDefault("0.45")
        double releaseScore();

        /** Share of negative mentions a bucket needs to raise a signal: a surge of praise is not a crisis. */
        @WithDefault("0.4")
        double minNegativeShare();

        /** Mentions a bucket needs to raise a signal. */
        @WithDefault("5")
        long minVolume();

        /** Quiet buckets in a row that close a signal. */
        @WithDefault("10")
        int quietBuckets();

        /** Buckets after a close during which no new signal is raised on the watch. */
        @WithDefault("30")
        int cooldownBuckets();
    }

    interface Mentions {

        /** How long a mention is kept after its publication time; older ones are deleted. */
        @WithDefault("P30D")
        Duration retention();

        /** How often the expired mentions are deleted, in the scheduler's syntax ("1h", "2s"). */
        @WithDefault("1h")
        String purgeInterval();
    }

    /**
     * The Mastodon connector: follows hashtags on one instance through its streaming API, and catches up through
     * its timelines API after a reconnection. Every status becomes a mention of source "mastodon".
     */
    interface Mastodon {

        @WithDefault("false")
        boolean enabled();

        /** The instance's base URL, such as https://mastodon.social. */
        Optional<URI> instance();

        /** The hashtags to follow, without '#'. */
        Optional<List<String>> hashtags();

        /** A bearer token, for instances whose streaming API requires one. */
        Optional<String> accessToken();

        /** First wait before reconnecting; doubled after each failure up to the maximum. */
        @WithDefault("PT1S")
        Duration reconnectMin();

        @WithDefault("PT60S")
        Duration reconnectMax();
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

        /** Past seasons whose points at the same time of the cycle make the expected value (their median). */
        @WithDefault("5")
        int seasonDays();

        /** Points either side of the same time of the cycle also taken into that median. */
        @WithDefault("2")
        int seasonSpan();

        /** Z-score that one point in a hundred exceeds on a well-behaved series; spikier series are scaled down. */
        @WithDefault("4.0")
        double tailReference();

        /** Step of the online estimate of that percentile, in z units. */
        @WithDefault("0.05")
        double tailRate();

        /** Z-score a point must exceed to add to the sustained-rise sum, 0 for none. */
        @WithDefault("1.5")
        double drift();

        /** Sum at which a sustained moderate rise alerts although no point is extreme. */
        @WithDefault("150")
        double driftLimit();

        default DetectorParameters parameters() {
            return new DetectorParameters(halfLife(), zScale(), threshold(), cooldown(), warmup(), clip(), season(),
                    seasonWeight(), smoothing(), smoothGain(), seasonDays(), seasonSpan(), tailReference(),
                    tailRate(), drift(), driftLimit());
        }
    }
}
