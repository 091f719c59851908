package io.firebreak.platform.security;

/** Realm roles of DESIGN.md, as they arrive in the token ({@code realm_access.roles} in Keycloak). */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String CRISIS_MANAGER = "crisis-manager";
    public static final String APPROVER = "approver";
    public static final String COMMUNICATOR = "communicator";
    public static final String ANALYST = "analyst";
    public static final String EMPLOYEE = "employee";

    private Roles() {
    }
}
