package io.firebreak.monitoring.sentiment;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * {@code ./firebreak sentiment}: one text per line on standard input, one {@code label<TAB>score<TAB>language}
 * line per text on standard output, in the same order. Needs nothing but this jar.
 */
public final class SentimentCli {

    private SentimentCli() {
    }

    public static void main(String[] args) throws IOException {
        SentimentAnalyzer analyzer = new SentimentAnalyzer();
        BufferedReader in = new BufferedReader(
                new InputStreamReader(new FileInputStream(FileDescriptor.in), StandardCharsets.UTF_8), 1 << 16);
        try (Writer out = new BufferedWriter(
                new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), 1 << 16)) {
            run(analyzer, in, out);
        }
    }

    static void run(SentimentAnalyzer analyzer, BufferedReader in, Writer out) throws IOException {
        String line;
        while ((line = in.readLine()) != null) {
            SentimentResult result = analyzer.analyze(line);
            out.write(result.label().lowerCase());
            out.write('\t');
            out.write(String.format(Locale.ROOT, "%.3f", result.score()));
            out.write('\t');
            out.write(result.language().code());
            out.write('\n');
        }
    }
}
