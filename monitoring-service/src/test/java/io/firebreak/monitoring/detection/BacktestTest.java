package io.firebreak.monitoring.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class BacktestTest {

    private static String run(String csv) {
        StringWriter out = new StringWriter();
        new Backtest(DetectorParameters.DEFAULTS).run(new StringReader(csv), out);
        return out.toString();
    }

    @Test
    void everyRowComesBackInInputOrderWithScoreAndAlert() {
        StringBuilder csv = new StringBuilder("timestamp,value\n");
        for (int i = 0; i < 200; i++) {
            csv.append("2015-02-26 21:").append(String.format("%02d", i % 60)).append(':').append(i / 60)
                    .append(',').append(i == 150 ? 5000 : 100 + i % 7).append('\n');
        }

        List<String> rows = run(csv.toString()).lines().toList();

        assertThat(rows).hasSize(201);
        assertThat(rows.get(0)).isEqualTo("timestamp,value,anomaly_score,alert");
        assertThat(rows.get(1)).startsWith("2015-02-26 21:00:0,100,").endsWith(",0");
        assertThat(rows.get(151)).startsWith("2015-02-26 21:30:2,5000,").endsWith(",1");
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split(",");
            assertThat(cells).hasSize(4);
            assertThat(Double.parseDouble(cells[2])).isBetween(0.0, 1.0);
            assertThat(cells[3]).isIn("0", "1");
        }
    }

    @Test
    void theHeaderIsOptional() {
        assertThat(run("t1,1\nt2,2.5\n").lines().toList())
                .hasSize(3)
                .element(2).asString().startsWith("t2,2.5,");
    }

    @Test
    void aMalformedLineIsReportedWithItsNumber() {
        assertThatThrownBy(() -> run("timestamp,value\nt1,1\nt2,lots\n"))
                .isInstanceOf(MalformedSeriesException.class)
                .hasMessageContaining("line 3")
                .hasMessageContaining("'lots' is not a number")
                .extracting(e -> ((MalformedSeriesException) e).line()).isEqualTo(3L);
        assertThatThrownBy(() -> run("t1,1,2\n")).hasMessageContaining("line 1").hasMessageContaining("2 columns");
        assertThatThrownBy(() -> run("t1,1\nt2,-4\n")).hasMessageContaining("line 2");
    }
}
