package io.firebreak.devstack.testing;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Signed access tokens from the test OIDC server. Each user has their own subject ({@link #subjectOf}),
 * and every user is also an employee, as in the realm.
 */
public final class TestTokens {

    private TestTokens() {
    }

    public static String of(String user, String... roles) {
        Set<String> withEmployee = new HashSet<>(Arrays.asList(roles));
        withEmployee.add("employee");
        return OidcWiremockTestResource.generateJwtToken(user, withEmployee, subjectOf(user), "Bearer");
    }

    public static String subjectOf(String user) {
        return "sub-" + user;
    }
}
