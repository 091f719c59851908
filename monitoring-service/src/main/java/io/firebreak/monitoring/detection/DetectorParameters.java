package io.firebreak.monitoring.detection;

/**
 * Parameters of {@link SurgeDetector}; the same for every series (they come from the service configuration).
 *
 * @param halfLife  points after which an observation weighs half as much in the learned level and spread (default 288)
 * @param zScale    robust z-score (on log counts) at which the anomaly score reaches 0.5 (default 4.0)
 * @param threshold anomaly score at or above which a point is an alert (default 0.5)
 * @param cooldown  points after an alert during which no new alert is raised, so one surge is one alert (default 288)
 * @param warmup    points learned before any alert can be raised (default 48)
 * @param clip      residuals beyond this many spreads are clipped when learning, so a surge does not become the norm (default 3.5)
 * @param season    points in one seasonal cycle, 0 for none (default 288: one day of 5-minute buckets)
 * @param seasonWeight how fast the seasonal profile learns, per cycle, in (0, 1] (default 0.5)
 * @param smoothing weight in [0, 1) of the newest z-score in its short-horizon mean, 0 for none (default 0.15)
 * @param smoothGain factor applied to that mean before it competes with the point's own z-score (default 2.5)
 */
public record DetectorParameters(int halfLife, double zScale, double threshold, int cooldown, int warmup, double clip,
        int season, double seasonWeight, double smoothing, double smoothGain) {

    /** Chosen once on NAB realTweets (see NabEvaluation); the same as application.properties. */
    public static final DetectorParameters DEFAULTS = new DetectorParameters(1600, 4.0, 0.57, 288, 48, 3.5, 288, 0.5,
            0.15, 2.5);

    public DetectorParameters {
        if (halfLife < 1 || zScale <= 0 || threshold <= 0 || threshold > 1 || cooldown < 0 || warmup < 1 || clip <= 0
                || season < 0 || seasonWeight <= 0 || seasonWeight > 1
                || smoothing < 0 || smoothing >= 1 || smoothGain <= 0) {
            throw new IllegalArgumentException("invalid detector parameters: halfLife>=1, zScale>0, 0<threshold<=1,"
                    + " cooldown>=0, warmup>=1, clip>0, season>=0, 0<seasonWeight<=1, 0<=smoothing<1,"
                    + " smoothGain>0");
        }
    }
}
