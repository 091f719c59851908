package io.firebreak.monitoring.sentiment;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Not a test: measures the analyzer on the labelled tweets of the shared data set (train_text.txt,
 * train_labels.txt per language; 0 negative, 1 neutral, 2 positive), which are not part of the project.
 * Usage: {@code java -cp target/classes:target/test-classes io.firebreak.monitoring.sentiment.SentimentEvaluation
 * ../shared/data/sentiment}. Prints macro-F1 per language and tweets per second of CPU time on one thread.
 */
public final class SentimentEvaluation {

    private SentimentEvaluation() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "../shared/data/sentiment");
        boolean detect = args.length > 1 && args[1].equals("--detect");
        SentimentAnalyzer analyzer = new SentimentAnalyzer();
        for (Language language : Language.values()) {
            Path folder = root.resolve(language.code());
            if (!Files.isDirectory(folder)) {
                continue;
            }
            List<String> texts = Files.readAllLines(folder.resolve("train_text.txt"), StandardCharsets.UTF_8);
            List<String> labels = Files.readAllLines(folder.resolve("train_labels.txt"), StandardCharsets.UTF_8);
            int[][] confusion = new int[3][3];
            int detectedRight = 0;
            double[] scores = new double[texts.size()];
            int[] truth = new int[texts.size()];
            for (int i = 0; i < texts.size(); i++) {
                SentimentResult result = analyzer.analyze(texts.get(i), detect ? null : language);
                scores[i] = result.score();
                truth[i] = Integer.parseInt(labels.get(i).strip());
                confusion[truth[i]][result.label().ordinal()]++;
                if (LanguageDetector.detect(texts.get(i)) == language) {
                    detectedRight++;
                }
            }
            double tweetsPerSecond = speed(analyzer, texts);
            print(language, confusion, texts.size(), detectedRight, tweetsPerSecond);
            bestThresholds(scores, truth);
        }
    }

    /** What the thresholds would best be on this set: to calibrate the defaults, never per file. */
    private static void bestThresholds(double[] scores, int[] truth) {
        double best = 0;
        String at = "";
        for (int p = 0; p <= 40; p++) {
            for (int q = 0; q <= 40; q++) {
                double positive = p * 0.02;
                double negative = -q * 0.02;
                int[][] confusion = new int[3][3];
                for (int i = 0; i < scores.length; i++) {
                    int predicted = scores[i] >= positive && scores[i] > 0 ? 2 : scores[i] <= negative && scores[i] < 0 ? 0 : 1;
                    confusion[truth[i]][predicted]++;
                }
                double f1 = macroF1(confusion);
                if (f1 > best) {
                    best = f1;
                    at = String.format(Locale.ROOT, "positive >= %.2f, negative <= %.2f", positive, negative);
                }
            }
        }
        System.out.printf(Locale.ROOT, "   best thresholds on this set: %s (macro-F1 %.3f)%n", at, best);
    }

    private static double macroF1(int[][] confusion) {
        double sum = 0;
        for (int c = 0; c < 3; c++) {
            int tp = confusion[c][c];
            int predicted = confusion[0][c] + confusion[1][c] + confusion[2][c];
            int actual = confusion[c][0] + confusion[c][1] + confusion[c][2];
            double precision = predicted == 0 ? 0 : (double) tp / predicted;
            double recall = actual == 0 ? 0 : (double) tp / actual;
            sum += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }
        return sum / 3;
    }

    private static double speed(SentimentAnalyzer analyzer, List<String> texts) {
        String[] all = texts.toArray(String[]::new);
        long sink = 0;
        for (int warm = 0; warm < 30; warm++) {
            for (String text : all) {
                sink += analyzer.analyze(text).label().ordinal();
            }
        }
        // CPU time of this thread, not wall time: the machine is shared, and the target is per core. The median of
        // twenty rounds, because a loaded machine slows even CPU time (shared caches) in bursts.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] rates = new double[20];
        for (int round = 0; round < rates.length; round++) {
            long start = threads.getCurrentThreadCpuTime();
            for (int pass = 0; pass < 5; pass++) {
                for (String text : all) {
                    sink += analyzer.analyze(text).label().ordinal();
                }
            }
            rates[round] = 5.0 * all.length / ((threads.getCurrentThreadCpuTime() - start) / 1e9);
        }
        if (sink == -1) {
            throw new IllegalStateException();
        }
        java.util.Arrays.sort(rates);
        return rates[rates.length / 2];
    }

    private static void print(Language language, int[][] confusion, int total, int detectedRight, double speed) {
        double f1Sum = 0;
        StringBuilder perClass = new StringBuilder();
        for (int c = 0; c < 3; c++) {
            int tp = confusion[c][c];
            int predicted = confusion[0][c] + confusion[1][c] + confusion[2][c];
            int actual = confusion[c][0] + confusion[c][1] + confusion[c][2];
            double precision = predicted == 0 ? 0 : (double) tp / predicted;
            double recall = actual == 0 ? 0 : (double) tp / actual;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            f1Sum += f1;
            perClass.append(String.format(Locale.ROOT, " %s P=%.3f R=%.3f F1=%.3f;",
                    SentimentLabel.values()[c].lowerCase(), precision, recall, f1));
        }
        String out = String.format(Locale.ROOT,
                "%s: %d tweets, macro-F1 %.3f,%s language detected right %.1f%%, %.0f tweets per CPU-second (one thread, language detected)%n"
                        + "   confusion (rows truth neg/neu/pos, columns predicted): %s %s %s%n",
                language.code(), total, f1Sum / 3, perClass, 100.0 * detectedRight / total, speed,
                java.util.Arrays.toString(confusion[0]), java.util.Arrays.toString(confusion[1]),
                java.util.Arrays.toString(confusion[2]));
        System.out.print(out);
    }
}
