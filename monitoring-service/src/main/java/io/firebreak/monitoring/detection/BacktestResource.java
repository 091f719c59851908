package io.firebreak.monitoring.detection;

import io.firebreak.monitoring.config.MonitoringConfig;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.security.Roles;
import io.quarkus.logging.Log;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.io.StringReader;
import java.io.StringWriter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/backtest")
@Tag(name = "Backtest", description = "Runs the service's surge detector over a CSV series of bucket counts")
public class BacktestResource {

    static final String TEXT_CSV = "text/csv";

    private final DetectorParameters parameters;

    public BacktestResource(MonitoringConfig config) {
        this.parameters = config.detection().parameters();
    }

    /**
     * Input {@code timestamp,value} (header optional, one row per bucket, any fixed bucket length); output
     * {@code timestamp,value,anomaly_score,alert} in input order, with the configured detector parameters.
     */
    @POST
    @Consumes(TEXT_CSV)
    @Produces(TEXT_CSV)
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    public String backtest(String body) {
        StringWriter output = new StringWriter(body == null ? 64 : body.length() + body.length() / 2);
        try {
            long rows = new Backtest(parameters).run(new StringReader(body == null ? "" : body), output);
            Log.debugf("Backtest of %d rows", rows);
        } catch (MalformedSeriesException e) {
            throw new ProblemException(400, "malformed-series", "Malformed series", e.getMessage());
        }
        return output.toString();
    }
}
