package io.firebreak.monitoring.detection;

/** What {@link SurgeDetector} says about one point: an anomaly score in [0, 1] and whether it is an alert. */
public record DetectorOutput(double score, boolean alert) {
}
