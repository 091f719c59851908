package io.firebreak.notification;

import io.firebreak.devstack.testing.TestTokens;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.Map;
import java.util.Set;

/** Tokens carrying an {@code email} claim, as Keycloak's profile scope gives them. */
public final class TestUsers {

    private TestUsers() {
    }

    public static String employeeWithEmail(String user, String email) {
        return OidcWiremockTestResource.generateJwtToken(user, Set.of("employee"), TestTokens.subjectOf(user),
                "Bearer", Set.of("https://service.example.com"), Map.of("email", email));
    }

    /** A service account or an external user: authenticated, but not an employee. */
    public static String withoutEmployeeRole(String user) {
        return OidcWiremockTestResource.generateJwtToken(user, Set.of("analyst"), TestTokens.subjectOf(user),
                "Bearer");
    }
}
