package io.firebreak.devstack.testing;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.Set;

/** Signed access tokens from the test OIDC server; every user is also an employee, as in the realm. */
public final class TestTokens {

    private TestTokens() {
    }

    public static String of(String user, String role) {
        return role.equals("employee")
                ? OidcWiremockTestResource.getAccessToken(user, Set.of(role))
                : OidcWiremockTestResource.getAccessToken(user, Set.of(role, "employee"));
    }
}
