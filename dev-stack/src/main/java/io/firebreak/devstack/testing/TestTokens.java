package io.firebreak.devstack.testing;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.Set;

/**
 * Signed access tokens from the test OIDC server. Each user has their own subject ({@link #subjectOf}),
 * and every user is also an employee, as in the realm.
 */
public final class TestTokens {

    private TestTokens() {
    }

    public static String of(String user, String role) {
        Set<String> roles = role.equals("employee") ? Set.of(role) : Set.of(role, "employee");
        return OidcWiremockTestResource.generateJwtToken(user, roles, subjectOf(user), "Bearer");
    }

    public static String subjectOf(String user) {
        return "sub-" + user;
    }
}
