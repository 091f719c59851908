package io.firebreak.monitoring.detection;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Locale;

/**
 * Runs {@link SurgeDetector} over a CSV series {@code timestamp,value} (header optional, one row per bucket, in
 * input order) and writes {@code timestamp,value,anomaly_score,alert} in the same order. Streams: memory does not
 * grow with the input.
 */
public final class Backtest {

    public static final String OUTPUT_HEADER = "timestamp,value,anomaly_score,alert";

    private final DetectorParameters parameters;

    public Backtest(DetectorParameters parameters) {
        this.parameters = parameters;
    }

    /**
     * Reads the whole input and writes one output row per data row.
     *
     * @return the number of data rows
     * @throws MalformedSeriesException on the first malformed line (output already written is then incomplete)
     */
    public long run(Reader input, Writer output) {
        SurgeDetector detector = new SurgeDetector(parameters);
        BufferedReader reader = input instanceof BufferedReader buffered ? buffered : new BufferedReader(input);
        long lineNumber = 0;
        long rows = 0;
        try {
            output.write(OUTPUT_HEADER);
            output.write('\n');
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                int comma = line.indexOf(',');
                if (comma < 0 || line.indexOf(',', comma + 1) >= 0) {
                    throw new MalformedSeriesException(lineNumber, "expected 2 columns timestamp,value");
                }
                String timestamp = line.substring(0, comma).trim();
                String rawValue = line.substring(comma + 1).trim();
                if (rows == 0 && isHeader(timestamp, rawValue)) {
                    continue;
                }
                if (timestamp.isEmpty()) {
                    throw new MalformedSeriesException(lineNumber, "empty timestamp");
                }
                double value = parseValue(rawValue, lineNumber);
                DetectorOutput result = detector.next(value);
                output.write(timestamp);
                output.write(',');
                output.write(rawValue);
                output.write(',');
                output.write(String.format(Locale.ROOT, "%.6f", result.score()));
                output.write(result.alert() ? ",1\n" : ",0\n");
                rows++;
            }
            output.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static boolean isHeader(String timestamp, String value) {
        return timestamp.equalsIgnoreCase("timestamp") && value.equalsIgnoreCase("value");
    }

    private static double parseValue(String raw, long lineNumber) {
        double value;
        try {
            value = Double.parseDouble(raw);
        } catch (NumberFormatException e) {
            throw new MalformedSeriesException(lineNumber, "value '" + abbreviate(raw) + "' is not a number");
        }
        if (!Double.isFinite(value) || value < 0) {
            throw new MalformedSeriesException(lineNumber, "value must be a finite number >= 0");
        }
        return value;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
