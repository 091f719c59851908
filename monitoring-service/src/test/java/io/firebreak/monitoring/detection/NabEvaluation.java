package io.firebreak.monitoring.detection;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Not a test: writes {@code timestamp,alert} per NAB realTweets file, with the detector's default parameters, for
 * {@code python3 /work/shared/tools/nab_score.py --results OUT_DIR --alerts --allow-missing}.
 * Arguments: OUT_DIR [DATA_DIR] (default /work/shared/data/nab/data/realTweets).
 */
public final class NabEvaluation {

    /**
     * Only for exploring the defaults: -Dnab.parameters=halfLife,zScale,threshold,cooldown,warmup,clip,season,
     * seasonWeight,smoothing,smoothGain[,seasonDays,seasonSpan,tailReference,tailRate,drift,driftLimit].
     */
    private static DetectorParameters parameters(String override) {
        if (override == null) {
            return DetectorParameters.DEFAULTS;
        }
        String[] p = override.split(",");
        if (p.length == 16) {
            return new DetectorParameters(Integer.parseInt(p[0]), Double.parseDouble(p[1]), Double.parseDouble(p[2]),
                    Integer.parseInt(p[3]), Integer.parseInt(p[4]), Double.parseDouble(p[5]),
                    Integer.parseInt(p[6]), Double.parseDouble(p[7]), Double.parseDouble(p[8]),
                    Double.parseDouble(p[9]), Integer.parseInt(p[10]), Integer.parseInt(p[11]),
                    Double.parseDouble(p[12]), Double.parseDouble(p[13]), Double.parseDouble(p[14]),
                    Double.parseDouble(p[15]));
        }
        return new DetectorParameters(Integer.parseInt(p[0]), Double.parseDouble(p[1]), Double.parseDouble(p[2]),
                Integer.parseInt(p[3]), Integer.parseInt(p[4]), Double.parseDouble(p[5]),
                Integer.parseInt(p[6]), Double.parseDouble(p[7]), Double.parseDouble(p[8]),
                Double.parseDouble(p[9]));
    }

    public static void main(String[] args) throws IOException {
        Path outDir = Path.of(args[0]);
        Path dataDir = Path.of(args.length > 1 ? args[1] : "/work/shared/data/nab/data/realTweets");
        Files.createDirectories(outDir);
        DetectorParameters parameters = parameters(System.getProperty("nab.parameters"));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dataDir, "*.csv")) {
            for (Path file : files) {
                StringWriter backtest = new StringWriter();
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    new Backtest(parameters).run(in, backtest);
                }
                try (Writer out = Files.newBufferedWriter(outDir.resolve(file.getFileName()), StandardCharsets.UTF_8)) {
                    out.write("timestamp,alert\n");
                    backtest.toString().lines().skip(1).forEach(row -> {
                        String[] cells = row.split(",");
                        try {
                            out.write(cells[0] + "," + cells[3] + "\n");
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
                }
            }
        }
    }
}
