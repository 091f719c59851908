package io.firebreak.monitoring.bucket;

/**
 * The volume a watch is expected to have in the next bucket, with a band, learned online: an exponentially weighted
 * level and spread of log counts plus one offset per bucket of the day (the daily rhythm). Residuals are clipped
 * while learning (after the warm-up) so a surge does not become the norm. The band is the expectation plus or
 * minus two spreads.
 */
final class Baseline {

    private static final double MIN_SPREAD = 0.1;
    private static final double SEASON_WEIGHT = 0.3;

    private final double alpha;
    private final double[] seasonal;
    private final double clip;
    private final int warmup;
    private long seen;
    private double mean;
    private double variance;

    Baseline(int halfLife, int season, double clip, int warmup) {
        this.alpha = 1 - Math.pow(0.5, 1.0 / halfLife);
        this.warmup = warmup;
        this.seasonal = new double[season];
        this.clip = clip;
    }

    record Band(double expected, double low, double high) {
    }

    /** The band expected for this bucket (before seeing it), then learns from the bucket's volume. */
    Band next(long volume) {
        double x = Math.log1p(Math.max(0, volume));
        int slot = (int) (seen % seasonal.length);
        seen++;
        if (seen == 1) {
            mean = x;
            return new Band(Math.expm1(x), 0, Math.expm1(x));
        }
        double spread = Math.max(MIN_SPREAD, Math.sqrt(variance));
        double centre = mean + seasonal[slot];
        Band band = new Band(Math.expm1(Math.max(0, centre)), Math.expm1(Math.max(0, centre - 2 * spread)),
                Math.expm1(Math.max(0, centre + 2 * spread)));
        double limit = seen <= warmup ? Double.MAX_VALUE : clip * spread;
        double residual = Math.max(-limit, Math.min(limit, x - centre));
        if (seen > seasonal.length) {
            seasonal[slot] += SEASON_WEIGHT * residual;
        }
        double weight = Math.max(alpha, 1.0 / seen);
        double levelResidual = Math.max(-limit, Math.min(limit, x - seasonal[slot] - mean));
        mean += weight * levelResidual;
        variance = (1 - weight) * (variance + weight * levelResidual * levelResidual);
        return band;
    }
}
