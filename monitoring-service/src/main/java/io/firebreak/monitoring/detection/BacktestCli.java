package io.firebreak.monitoring.detection;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * {@code ./firebreak backtest IN.csv > OUT.csv}: runs the service's detector with its default parameters (the same
 * defaults as application.properties) over {@code timestamp,value} rows; {@code -} reads standard input. Needs
 * nothing but this jar. Exit status 2 on bad usage or malformed input, with the line number on standard error.
 */
public final class BacktestCli {

    private BacktestCli() {
    }

    public static void main(String[] args) throws IOException {
        System.exit(run(args, new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8)));
    }

    static int run(String[] args, PrintStream err) throws IOException {
        if (args.length != 1) {
            err.println("usage: backtest IN.csv|- > OUT.csv   (input: timestamp,value; output: "
                    + Backtest.OUTPUT_HEADER + ")");
            return 2;
        }
        try (InputStream in = args[0].equals("-") ? new FileInputStream(FileDescriptor.in)
                : Files.newInputStream(Path.of(args[0]))) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
            Writer out = new BufferedWriter(
                    new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), 1 << 16);
            new Backtest(DetectorParameters.DEFAULTS).run(reader, out);
            out.flush();
            return 0;
        } catch (NoSuchFileException e) {
            err.println("backtest: no such file: " + args[0]);
            return 2;
        } catch (MalformedSeriesException e) {
            err.println("backtest: " + args[0] + ": " + e.getMessage());
            return 2;
        }
    }
}
