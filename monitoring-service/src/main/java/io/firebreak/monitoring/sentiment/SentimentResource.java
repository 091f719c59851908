package io.firebreak.monitoring.sentiment;

import io.firebreak.monitoring.sentiment.SentimentDtos.SentimentRequest;
import io.firebreak.monitoring.sentiment.SentimentDtos.SentimentResponse;
import io.firebreak.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/sentiment")
@Tag(name = "Sentiment", description = "Sentiment of French and English texts: label, score in [-1, 1], language, cues")
public class SentimentResource {

    private final SentimentService service;

    public SentimentResource(SentimentService service) {
        this.service = service;
    }

    /** Scores up to 1000 texts; the results come in the order of the texts. Pure computation, no I/O. */
    @POST
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN, Roles.COMMUNICATOR, Roles.CRISIS_MANAGER})
    public SentimentResponse analyze(@Valid @NotNull SentimentRequest request) {
        return service.analyze(request);
    }
}
