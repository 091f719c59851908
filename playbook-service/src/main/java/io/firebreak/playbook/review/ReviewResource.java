package io.firebreak.playbook.review;

import io.firebreak.platform.security.Roles;
import io.firebreak.playbook.playbook.PlaybookDtos.LessonView;
import io.firebreak.playbook.review.ReviewDtos.ActionItemRequest;
import io.firebreak.playbook.review.ReviewDtos.ActionItemView;
import io.firebreak.playbook.review.ReviewDtos.CompleteRequest;
import io.firebreak.playbook.review.ReviewDtos.ErrorRequest;
import io.firebreak.playbook.review.ReviewDtos.LessonRequest;
import io.firebreak.playbook.review.ReviewDtos.ReviewView;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The post-crisis review. The crisis team reads it (it holds nothing the timeline does not already show them);
 * crisis managers and admins write it; completing it is a crisis transition, so a crisis manager's.
 */
@Path("/api/crises/{id}/review")
@Tag(name = "Review")
public class ReviewResource {

    private final ReviewService service;
    private final SecurityIdentity identity;

    public ReviewResource(ReviewService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Roles.CRISIS_MANAGER, Roles.ADMIN, Roles.ANALYST, Roles.APPROVER, Roles.COMMUNICATOR})
    public Uni<ReviewView> review(@RestPath UUID id) {
        return service.of(id);
    }

    @POST
    @Path("errors")
    @RolesAllowed({Roles.CRISIS_MANAGER, Roles.ADMIN})
    public Uni<Response> recordError(@RestPath UUID id, @Valid @NotNull ErrorRequest request) {
        return service.recordError(id, request, user()).map(ReviewResource::created);
    }

    @POST
    @Path("action-items")
    @RolesAllowed({Roles.CRISIS_MANAGER, Roles.ADMIN})
    public Uni<Response> addActionItem(@RestPath UUID id, @Valid @NotNull ActionItemRequest request) {
        return service.addActionItem(id, request, user()).map(ReviewResource::created);
    }

    @PUT
    @Path("action-items/{itemId}")
    @RolesAllowed({Roles.CRISIS_MANAGER, Roles.ADMIN})
    public Uni<ActionItemView> updateActionItem(@RestPath UUID id, @RestPath UUID itemId,
                                                @Valid @NotNull ActionItemRequest request) {
        return service.updateActionItem(id, itemId, request, user());
    }

    @POST
    @Path("action-items/{itemId}/complete")
    @RolesAllowed({Roles.CRISIS_MANAGER, Roles.ADMIN})
    public Uni<ActionItemView> completeActionItem(@RestPath UUID id, @RestPath UUID itemId) {
        return service.completeActionItem(id, itemId, user());
    }

    @POST
    @Path("lessons")
    @RolesAllowed({Roles.CRISIS_MANAGER, Roles.ADMIN})
    public Uni<Response> addLesson(@RestPath UUID id, @Valid @NotNull LessonRequest request) {
        return service.addLesson(id, request.text(), user()).map(ReviewResource::created);
    }

    /** RESOLVED → REVIEWED; {@code summary} is recorded as the transition's reason. */
    @POST
    @Path("complete")
    @RolesAllowed(Roles.CRISIS_MANAGER)
    public Uni<ReviewView> complete(@RestPath UUID id, @Valid CompleteRequest request) {
        return service.complete(id, request == null ? null : request.summary(), user());
    }

    private String user() {
        return identity.getPrincipal().getName();
    }

    private static Response created(Object entity) {
        return Response.status(Response.Status.CREATED).entity(entity).build();
    }
}
