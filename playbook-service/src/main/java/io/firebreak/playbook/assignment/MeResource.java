package io.firebreak.playbook.assignment;

import io.firebreak.platform.security.Roles;
import io.firebreak.playbook.assignment.AssignmentDtos.Briefing;
import io.firebreak.playbook.assignment.AssignmentDtos.MyAssignmentView;
import io.firebreak.playbook.assignment.AssignmentDtos.TaskStatusRequest;
import io.firebreak.playbook.assignment.AssignmentDtos.TaskView;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** Every employee's own view: their assignments, checklists and briefings, found by their token's subject. */
@Path("/api/me")
@Tag(name = "Me", description = "My crisis assignments and briefings")
@RolesAllowed(Roles.EMPLOYEE)
public class MeResource {

    private final AssignmentService service;
    private final JsonWebToken token;
    private final Template briefingPage;

    public MeResource(AssignmentService service, JsonWebToken token, @Location("briefing.html") Template briefingPage) {
        this.service = service;
        this.token = token;
        this.briefingPage = briefingPage;
    }

    @GET
    @Path("assignments")
    public Uni<List<MyAssignmentView>> assignments() {
        return service.mine(token.getSubject());
    }

    @GET
    @Path("briefings/{crisisId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Briefing> briefing(@RestPath UUID crisisId) {
        return service.briefing(crisisId, token.getSubject());
    }

    /** The same briefing as a page to print or keep offline. */
    @GET
    @Path("briefings/{crisisId}")
    @Produces(MediaType.TEXT_HTML)
    public Uni<String> briefingPage(@RestPath UUID crisisId) {
        return service.briefing(crisisId, token.getSubject())
                .chain(briefing -> briefingPage.data("briefing", briefing).createUni());
    }

    @PUT
    @Path("tasks/{taskId}/status")
    public Uni<TaskView> markTask(@RestPath UUID taskId, @Valid @NotNull TaskStatusRequest request) {
        return service.markTask(taskId, request.status(), token.getSubject());
    }
}
