package io.firebreak.publishing;

import io.firebreak.devstack.testing.InfrastructureTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** Real PostgreSQL and Kafka, and an OIDC server signing real tokens, for every test of this service. */
@WithTestResource(value = InfrastructureTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
public final class TestResources {

    private TestResources() {
    }
}
