package io.firebreak.monitoring.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BacktestCliTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aMalformedFileExitsWithStatusTwoAndTheLineNumber() throws IOException {
        Path in = Files.writeString(dir.resolve("in.csv"), "timestamp,value\nt1,1\nt2\n");

        int status = BacktestCli.run(new String[] {in.toString()}, new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("line 3").contains("2 columns");
    }

    @Test
    void aMissingFileOrBadUsageExitsWithStatusTwo() throws IOException {
        PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertThat(BacktestCli.run(new String[] {dir.resolve("nope.csv").toString()}, errors)).isEqualTo(2);
        assertThat(BacktestCli.run(new String[0], errors)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no such file").contains("usage");
    }
}
