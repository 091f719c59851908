package io.firebreak.monitoring.detection;

/**
 * Online surge detector over a series of bucket counts, one point at a time, no look-ahead.
 *
 * <p>Counts are log-transformed (surges are multiplicative), then an exponentially weighted mean and variance
 * learn the level and spread, and a seasonal profile (one offset per point of the day) learns the daily rhythm,
 * so a routine evening peak is expected rather than a surge. Residuals are clipped before learning so one surge does not become the new norm.
 * A short-horizon mean of the z-score, amplified, also counts, so that a sustained rise of moderately high points
 * alerts before any single point is extreme. The score is a squashed upward z-score (only more volume than expected is a surge); an alert opens a cooldown
 * so a lasting surge gives one alert, not a flapping series of them. Not thread-safe: one instance per series.
 */
public final class SurgeDetector {

    private static final double MIN_SPREAD = 0.1;

    private final DetectorParameters parameters;
    private final double alpha;
    private long seen;
    private double mean;
    private double variance;
    private long quietUntil;
    /** Learned log-offset of each point of the season (e.g. each 5 minutes of the day) from the level. */
    private final double[] seasonal;
    /** Short-horizon exponential mean of the z-score: a build-up of moderately high points is caught early. */
    private double smoothZ;

    public SurgeDetector(DetectorParameters parameters) {
        this.parameters = parameters;
        this.seasonal = new double[parameters.season()];
        this.alpha = 1 - Math.pow(0.5, 1.0 / parameters.halfLife());
    }

    /** Scores the next bucket count (negative counts are treated as 0) and learns from it. */
    public DetectorOutput next(double count) {
        double x = Math.log1p(Math.max(0, count));
        seen++;
        if (seen == 1) {
            mean = x;
            return new DetectorOutput(0, false);
        }
        double spread = Math.max(MIN_SPREAD, Math.sqrt(variance));
        int slot = seasonal.length == 0 ? 0 : (int) (seen % seasonal.length);
        double expected = seasonal.length == 0 ? 0 : seasonal[slot];
        double z = (x - mean - expected) / spread;
        smoothZ += parameters.smoothing() * (z - smoothZ);
        if (parameters.smoothing() > 0) {
            z = Math.max(z, smoothZ * parameters.smoothGain());
        }
        double score = z <= 0 ? 0 : z / (z + parameters.zScale());
        boolean alert = seen > parameters.warmup() && seen > quietUntil && score >= parameters.threshold();
        if (alert) {
            quietUntil = seen + parameters.cooldown();
        }
        if (seasonal.length > 0 && seen > parameters.warmup()) {
            double limit = parameters.clip() * spread;
            double r = Math.max(-limit, Math.min(limit, x - mean - expected));
            seasonal[slot] += parameters.seasonWeight() * r;
        }
        learn(x - expected, spread);
        return new DetectorOutput(score, alert);
    }

    private void learn(double x, double spread) {
        // Faster learning while warming up (1/n), then the exponential weight.
        double weight = Math.max(alpha, 1.0 / seen);
        double limit = seen <= parameters.warmup() ? Double.MAX_VALUE : parameters.clip() * spread;
        double residual = Math.max(-limit, Math.min(limit, x - mean));
        mean += weight * residual;
        variance = (1 - weight) * (variance + weight * residual * residual);
    }
}
