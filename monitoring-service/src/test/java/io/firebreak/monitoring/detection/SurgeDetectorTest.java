package io.firebreak.monitoring.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SurgeDetectorTest {

    private static final int DAY = 288;

    @Test
    void aSurgeOnAFlatNoisySeriesRaisesOneAlertWithinAFewPointsAndNoneBefore() {
        double[] series = noisy(new Random(7), 3000, i -> 100);
        int surge = 2000;
        for (int i = surge; i < surge + 30; i++) {
            series[i] *= 6;
        }

        List<Integer> alerts = alerts(series);

        assertThat(alerts).isNotEmpty();
        assertThat(alerts.get(0)).isBetween(surge, surge + 3);
        assertThat(alerts).filteredOn(i -> i < surge).isEmpty();
        // The cooldown makes a lasting surge one alert, not one per point.
        assertThat(alerts).filteredOn(i -> i >= surge && i < surge + 30).hasSize(1);
    }

    @Test
    void aDailyRhythmAloneRaisesNoAlertButASurgeOnItDoes() {
        double[] series = noisy(new Random(11), 10 * DAY,
                i -> 100 * (1 + 0.6 * Math.sin(2 * Math.PI * i / DAY)));
        assertThat(alerts(series)).isEmpty();

        int surge = 8 * DAY + DAY / 4; // at the daily peak
        for (int i = surge; i < surge + 12; i++) {
            series[i] *= 8;
        }
        assertThat(alerts(series)).first().satisfies(first -> assertThat(first).isBetween(surge, surge + 3));
    }

    @Test
    void scoresStayInTheUnitIntervalAndADropIsNotASurge() {
        SurgeDetector detector = new SurgeDetector(DetectorParameters.DEFAULTS);
        double[] series = noisy(new Random(3), 1000, i -> i < 600 ? 200 : 0);
        for (double value : series) {
            DetectorOutput output = detector.next(value);
            assertThat(output.score()).isBetween(0.0, 1.0);
            assertThat(output.alert()).isFalse();
        }
        assertThat(detector.next(1e12).score()).isBetween(0.5, 1.0);
    }

    @Test
    void invalidParametersAreRejected() {
        assertThatThrownBy(() -> new DetectorParameters(0, 4, 0.5, 10, 10, 3, 0, 0.5, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DetectorParameters(10, 4, 1.5, 10, 10, 3, 0, 0.5, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<Integer> alerts(double[] series) {
        SurgeDetector detector = new SurgeDetector(DetectorParameters.DEFAULTS);
        List<Integer> alerts = new ArrayList<>();
        for (int i = 0; i < series.length; i++) {
            if (detector.next(series[i]).alert()) {
                alerts.add(i);
            }
        }
        return alerts;
    }

    /** Counts with Poisson-like noise (normal approximation, sd = sqrt(mean)) around the given level. */
    private static double[] noisy(Random random, int length, java.util.function.IntToDoubleFunction level) {
        double[] series = new double[length];
        for (int i = 0; i < length; i++) {
            double mean = level.applyAsDouble(i);
            series[i] = Math.max(0, Math.round(mean + random.nextGaussian() * Math.sqrt(mean)));
        }
        return series;
    }
}
