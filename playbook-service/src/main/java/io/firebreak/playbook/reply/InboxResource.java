package io.firebreak.playbook.reply;

import io.firebreak.platform.security.Roles;
import io.firebreak.playbook.reply.ReplyDtos.InboxItem;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/api/crises/{crisisId}/inbox")
@Tag(name = "Replies", description = "Critics of a live crisis, answered courteously in their own thread")
public class InboxResource {

    private final InboxService service;

    public InboxResource(InboxService service) {
        this.service = service;
    }

    /** {@code platform}: a mention source such as mastodon; {@code sentiment}: negative, neutral or positive. */
    @GET
    @RolesAllowed({Roles.COMMUNICATOR, Roles.CRISIS_MANAGER})
    public Uni<List<InboxItem>> inbox(@RestPath UUID crisisId,
                                      @RestQuery @Size(max = 64) String platform,
                                      @RestQuery @Pattern(regexp = "^[a-z]{2,3}$") String language,
                                      @RestQuery @Pattern(regexp = "^(negative|neutral|positive)$") String sentiment,
                                      @RestQuery @DefaultValue("0") @Min(0) int page,
                                      @RestQuery @DefaultValue("20") @Min(1) @Max(100) int size) {
        return service.of(crisisId, new InboxService.Query(platform, language, sentiment, page, size));
    }
}
