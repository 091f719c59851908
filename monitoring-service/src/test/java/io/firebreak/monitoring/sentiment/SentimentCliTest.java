package io.firebreak.monitoring.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class SentimentCliTest {

    @Test
    void writesOneTabSeparatedLinePerTextInOrder() throws IOException {
        StringWriter out = new StringWriter();

        SentimentCli.run(new SentimentAnalyzer(),
                new BufferedReader(new StringReader("I love this\nC'est vraiment nul\n\nThe shop opens at 9\n")), out);

        String[] lines = out.toString().split("\n", -1);
        assertThat(lines).hasSize(5);
        assertThat(lines[0]).matches("positive\t0\\.\\d{3}\ten");
        assertThat(lines[1]).matches("negative\t-0\\.\\d{3}\tfr");
        assertThat(lines[2]).isEqualTo("neutral\t0.000\ten");
        assertThat(lines[3]).isEqualTo("neutral\t0.000\ten");
        assertThat(lines[4]).isEmpty();
    }
}
