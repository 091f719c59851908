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
    void aSustainedModerateRiseAlertsThoughNoSinglePointIsExtreme() {
        double[] series = noisy(new Random(5), 10 * DAY, i -> 100 * (1 + 0.5 * Math.sin(2 * Math.PI * i / DAY)));
        int rise = 8 * DAY;
        for (int i = rise; i < rise + DAY / 2; i++) {
            series[i] *= 1.25; // twelve hours at a quarter more than the usual volume
        }
        DetectorParameters withoutSum = new DetectorParameters(1600, 4.0, 0.57, 288, 48, 3.5, DAY, 0.5, 0.15, 2.5,
                5, 2, 4.0, 0.05, 0, 150);

        assertThat(alerts(series, withoutSum)).isEmpty();
        assertThat(alerts(series)).singleElement().satisfies(at -> assertThat(at).isBetween(rise, rise + DAY / 2));
    }

    @Test
    void onASpikySeriesRoutineSpikesStopAlertingOnceLearnedButAMuchBiggerSurgeStillDoes() {
        Random random = new Random(13);
        double[] series = noisy(random, 20 * DAY, i -> 100);
        for (int day = 2; day < 20; day++) {
            for (int burst = 0; burst < 4; burst++) { // four short bursts a day: routine for this series
                int at = day * DAY + random.nextInt(DAY - 10);
                series[at] *= 2.5;
                series[at + 1] *= 2.5;
            }
        }
        int surge = 18 * DAY + DAY / 2;
        for (int i = surge; i < surge + 12; i++) {
            series[i] *= 30;
        }
        int learned = 13 * DAY;

        List<Integer> alerts = alerts(series);

        assertThat(alerts).filteredOn(i -> i >= learned && i < surge).isEmpty();
        assertThat(alerts).filteredOn(i -> i >= surge && i < surge + 12).hasSize(1);
        // Without the scaling, the same routine bursts keep alerting.
        DetectorParameters unscaled = new DetectorParameters(1600, 4.0, 0.57, 288, 48, 3.5, DAY, 0.5, 0.15, 2.5,
                5, 2, 0, 0.05, 1.5, 150);
        assertThat(alerts(series, unscaled)).filteredOn(i -> i >= learned && i < surge).hasSizeGreaterThan(3);
    }

    @Test
    void yesterdaysSurgeDoesNotHideTodaysAtTheSameHour() {
        double[] series = noisy(new Random(17), 10 * DAY, i -> 100 * (1 + 0.4 * Math.sin(2 * Math.PI * i / DAY)));
        int first = 7 * DAY + 100;
        int second = first + DAY;
        for (int i = 0; i < 24; i++) {
            series[first + i] *= 6;
            series[second + i] *= 6;
        }

        List<Integer> alerts = alerts(series);

        assertThat(alerts).hasSize(2);
        assertThat(alerts.get(0)).isBetween(first, first + 3);
        assertThat(alerts.get(1)).isBetween(second, second + 3);
    }

    @Test
    void theTenParameterFormKeepsTheDefaultsOfTheOthersAndASeasonCanBeChanged() {
        DetectorParameters ten = new DetectorParameters(1600, 4.0, 0.57, 288, 48, 3.5, 288, 0.5, 0.15, 2.5);
        assertThat(ten).isEqualTo(DetectorParameters.DEFAULTS);

        DetectorParameters weekly = DetectorParameters.DEFAULTS.withSeason(7 * 1440);
        assertThat(weekly.season()).isEqualTo(7 * 1440);
        assertThat(weekly.withSeason(288)).isEqualTo(DetectorParameters.DEFAULTS);
        assertThat(DetectorParameters.DEFAULTS.withSeason(0).seasonSpan()).isZero();
    }

    @Test
    void invalidParametersAreRejected() {
        assertThatThrownBy(() -> new DetectorParameters(0, 4, 0.5, 10, 10, 3, 0, 0.5, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DetectorParameters(10, 4, 1.5, 10, 10, 3, 0, 0.5, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DetectorParameters.DEFAULTS.withSeason(-1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<Integer> alerts(double[] series) {
        return alerts(series, DetectorParameters.DEFAULTS);
    }

    private static List<Integer> alerts(double[] series, DetectorParameters parameters) {
        SurgeDetector detector = new SurgeDetector(parameters);
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
